import { DomainError } from '../problem-details/domain-error';

export class PayoutAccountNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'payout-account-not-found';

  constructor() {
    super('no payout account is connected');
  }
}

/** Stripe knows no connected account with this id (or not one of this platform's). */
export class UnknownPayoutAccountError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'unknown-payout-account';

  constructor(stripeAccountId: string) {
    super(`Stripe has no connected account ${stripeAccountId} on this platform`);
  }
}

/** The account exists but cannot receive payouts yet: onboarding is unfinished or payouts are restricted. */
export class PayoutsNotEnabledError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'payouts-not-enabled';

  constructor(stripeAccountId: string) {
    super(`connected account ${stripeAccountId} cannot receive payouts yet: finish its Stripe onboarding first`);
  }
}

/** Stripe could not be asked about the account (down, unreachable, rate limited): worth retrying later. */
export class PaymentProviderUnavailableError extends DomainError {
  readonly kind = 'unavailable';
  readonly type = 'payment-provider-unavailable';

  constructor(options?: { cause?: unknown }) {
    super('Stripe could not be reached to check the payout account; try again later', options);
  }
}
