import { DomainError } from '../problem-details/domain-error';

/** One answer for unknown, expired, revoked and reused tokens: the caller learns nothing but "log in again". */
export class InvalidRefreshTokenError extends DomainError {
  readonly kind = 'unauthenticated';
  readonly type = 'invalid-refresh-token';

  constructor() {
    super('the refresh token is not valid; log in again');
  }
}
