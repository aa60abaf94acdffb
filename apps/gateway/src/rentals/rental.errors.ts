import { DomainError } from '../problem-details/domain-error';

/** The named pool failed the verifier's check: nothing was opened and nothing charged. */
export class PoolCheckFailedError extends DomainError {
  readonly kind = 'unprocessable';
  readonly type = 'pool-check-failed';

  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(`the pool check failed (${reason}): ${detail}`);
  }
}

export class InvalidIdempotencyKeyError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'invalid-idempotency-key';

  constructor() {
    super('Idempotency-Key: 1–255 visible ASCII characters');
  }
}
