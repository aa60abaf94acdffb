import { DomainError } from '../problem-details/domain-error';
import type { ListingAction } from './listing-lifecycle';
import type { ListingStatus } from './listing-status';

/** Also the answer for another provider's listing that is not live: whether it exists is not the caller's business. */
export class ListingNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'listing-not-found';

  constructor() {
    super('no listing with this id is visible to you');
  }
}

export class IllegalListingTransitionError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'listing-transition-refused';

  constructor(
    readonly from: ListingStatus,
    readonly action: ListingAction,
  ) {
    super(`a ${from} listing cannot ${action}${from === 'retired' ? ': retired is final' : ''}`);
  }
}

export class ListingNotEditableError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'listing-not-editable';

  constructor(readonly status: ListingStatus) {
    super(
      status === 'live'
        ? 'a live listing cannot be edited: pause it, edit it, then resume it'
        : `a ${status} listing cannot be edited`,
    );
  }
}

export class InvalidListingTermsError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'invalid-listing-terms';
}

/** The listing would offer less than its rentals already hold. */
export class HashrateBelowRentedError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'hashrate-below-rented';

  constructor(
    readonly requested: bigint,
    readonly held: bigint,
  ) {
    super(`the listing's rentals hold ${held} H/s; its hash rate cannot go down to ${requested} H/s`);
  }
}

/** Only a live listing sells hash rate: a draft, paused or retired one takes no new rentals. */
export class ListingNotForSaleError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'listing-not-for-sale';

  constructor(readonly status: ListingStatus) {
    super(`the listing is ${status}: only a live listing takes new rentals`);
  }
}

/** A rental the listing's terms do not allow: a duration outside its bounds, or more hash rate than is left. */
export class RentalOutsideListingError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'rental-outside-listing';
}

/** The hash rate asked for is more than is left: the listing's, or its provider's verified capacity. */
export class CapacityExhaustedError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'capacity-exhausted';
}
