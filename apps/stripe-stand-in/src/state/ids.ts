import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

/**
 * Ids of Stripe's forms: a type prefix and random letters and digits, 24 of them for most objects
 * (`pi_3MtwBwLkdIwHu7ix28a3tqPa`), 16 for accounts (`acct_1MTfjCQ9PRzxEwkZ`), 14 for request ids.
 */
export const newId = {
  paymentIntent: () => `pi_${randomText(24)}`,
  charge: () => `ch_${randomText(24)}`,
  paymentMethod: () => `pm_${randomText(24)}`,
  refund: () => `re_${randomText(24)}`,
  transfer: () => `tr_${randomText(24)}`,
  destinationPayment: () => `py_${randomText(24)}`,
  balanceTransaction: () => `txn_${randomText(24)}`,
  account: () => `acct_${randomText(16)}`,
  event: () => `evt_${randomText(24)}`,
  request: () => `req_${randomText(14)}`,
  /** `pi_…_secret_…`, the form the PaymentIntent object documents for `client_secret`. */
  clientSecret: (paymentIntentId: string) => `${paymentIntentId}_secret_${randomText(25)}`,
};
