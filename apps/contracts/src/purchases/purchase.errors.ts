import { DomainError } from '../problem-details/domain-error';

/** Also the answer for someone else's rental: whether it exists is not the caller's business. */
export class RentalNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'rental-not-found';

  constructor() {
    super('no rental with this id is visible to you');
  }
}

/** A disputed rental waits for an admin's decision; cancelling it would pre-empt that. */
export class RentalDisputedError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'rental-disputed';

  constructor() {
    super('the rental is disputed: it can be cancelled only once an admin has resolved the dispute');
  }
}

/** The rental is over (or being paid for): no cancellation moves it. */
export class RentalNotCancellableError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'rental-transition-refused';
}

/** The same Idempotency-Key sent with a different purchase: refused, as Stripe refuses it. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'idempotency-key-reused';

  constructor() {
    super('this Idempotency-Key was used for a different purchase; use a new key for a new purchase');
  }
}
