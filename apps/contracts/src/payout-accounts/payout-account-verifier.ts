/**
 * Asks the payment provider whether a connected account can receive payouts now. Throws
 * UnknownPayoutAccountError when it has no such account, PaymentProviderUnavailableError when it cannot be
 * asked.
 */
export abstract class PayoutAccountVerifier {
  abstract payoutsEnabled(stripeAccountId: string): Promise<boolean>;
}
