import Stripe from 'stripe';
import { PaymentProviderUnavailableError, UnknownPayoutAccountError } from './payout-account.errors';
import { PayoutAccountVerifier } from './payout-account-verifier';

/** Retrieves the connected account from Stripe (or the stand-in) and reads its `payouts_enabled`. */
export class StripePayoutAccountVerifier extends PayoutAccountVerifier {
  constructor(private readonly stripe: Stripe) {
    super();
  }

  async payoutsEnabled(stripeAccountId: string): Promise<boolean> {
    try {
      const account = await this.stripe.accounts.retrieve(stripeAccountId);
      return account.payouts_enabled === true;
    } catch (error) {
      // No such account (404), or one that is not connected to this platform (403): either way not ours to pay.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
        throw new UnknownPayoutAccountError(stripeAccountId);
      }
      if (error instanceof Stripe.errors.StripePermissionError) throw new UnknownPayoutAccountError(stripeAccountId);
      if (
        error instanceof Stripe.errors.StripeConnectionError ||
        error instanceof Stripe.errors.StripeAPIError ||
        error instanceof Stripe.errors.StripeRateLimitError
      ) {
        throw new PaymentProviderUnavailableError({ cause: error });
      }
      throw error;
    }
  }
}
