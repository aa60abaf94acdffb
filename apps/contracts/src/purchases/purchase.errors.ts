import { DomainError } from '../problem-details/domain-error';
import type { RentalStatus } from '../rentals/rental-status';

/** Also the answer for someone else's rental: whether it exists is not the caller's business. */
export class RentalNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'rental-not-found';

  constructor() {
    super('no rental with this id is visible to you');
  }
}

/** A renter cancels only before the start; a running rental ends early only pro rata, which payouts handle. */
export class RentalAlreadyStartedError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'rental-already-started';

  constructor(readonly status: RentalStatus) {
    super(
      `the rental is ${status}: it can be cancelled only before it starts; ask for a pro-rata cancellation instead`,
    );
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
