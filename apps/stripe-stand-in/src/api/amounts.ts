import { StripeApiError } from '../stripe-error';

// "The amount value supports up to eight digits" (the PaymentIntent object's `amount`).
const MAX_AMOUNT = 99_999_999;
// "The minimum amount is $0.50 US"; other currencies' minimums are not enforced here.
const MINIMUM_AMOUNT: Readonly<Record<string, number>> = { usd: 50 };

/** The range Stripe allows for a charge amount, in the currency's smallest unit. */
export function checkChargeAmount(amount: number, currency: string, param = 'amount'): void {
  const minimum = MINIMUM_AMOUNT[currency];
  if (minimum !== undefined && amount < minimum) {
    throw new StripeApiError(400, {
      type: 'invalid_request_error',
      code: 'amount_too_small',
      param,
      message: `Amount must be at least ${minimum} ${currency} (in the smallest currency unit)`,
    });
  }
  if (amount > MAX_AMOUNT) {
    throw new StripeApiError(400, {
      type: 'invalid_request_error',
      code: 'amount_too_large',
      param,
      message: `Amount must be no more than ${MAX_AMOUNT} (in the smallest currency unit)`,
    });
  }
}
