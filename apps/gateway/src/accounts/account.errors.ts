import { DomainError } from '../problem-details/domain-error';

export class EmailTakenError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'email-taken';

  constructor() {
    super('an account with this email already exists');
  }
}

export class WeakPasswordError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'weak-password';
}
