import { DomainError } from '../problem-details/domain-error';
import type { RentalStatus } from '../rentals/rental-status';

export class RentalToPayNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'rental-not-found';

  constructor(readonly rentalId: string) {
    super(`rental ${rentalId} does not exist`);
  }
}

/** Only a rental awaiting payment can be paid: one already paid, or cancelled, cannot. */
export class RentalNotAwaitingPaymentError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'rental-not-awaiting-payment';

  constructor(
    readonly rentalId: string,
    readonly status: RentalStatus,
  ) {
    super(`rental ${rentalId} is ${status}, not awaiting payment`);
  }
}

/** The rental held its provider's capacity for as long as it may; it is being, or has been, cancelled. */
export class PaymentHoldExpiredError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'payment-hold-expired';

  constructor(
    readonly rentalId: string,
    readonly expiredAt: Date,
  ) {
    super(`rental ${rentalId} was not paid by ${expiredAt.toISOString()}; its capacity is released`);
  }
}

/** Stripe refused to create the payment (e.g. an amount below its minimum for the currency). */
export class PaymentRefusedError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'payment-refused';
}

/** Stripe could not be reached or failed; asking again later is safe (the intent is created once per rental). */
export class PaymentProviderUnavailableError extends DomainError {
  readonly kind = 'unavailable';
  readonly type = 'payment-provider-unavailable';

  constructor() {
    super('the payment provider did not answer; try again shortly');
  }
}
