import { DomainError } from '../problem-details/domain-error';

export class ActionForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  readonly type = 'forbidden';
}

/** An admin acting for a provider must say which one. */
export class ProviderNotNamedError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'provider-not-named';

  constructor() {
    super('an admin acts for a provider by naming it: providerId is required');
  }
}
