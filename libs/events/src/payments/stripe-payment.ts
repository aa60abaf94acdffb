import { z } from 'zod';
import { currencyCode, isoTimestamp, minorUnits } from '../primitives';

/** Stripe's object ids: a type prefix and letters, digits or underscores (`evt_1Q…`, `pi_3Mt…`). */
const stripeId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{1,250}$`), `a Stripe id starting with ${prefix}_`);

/**
 * What every payment event says about the Stripe PaymentIntent of one rental: which Stripe event reported it
 * (the id Stripe's dashboard and API know it by), the intent, the money and when Stripe saw it happen.
 */
export const stripePaymentFacts = {
  rentalId: z.uuid(),
  stripeEventId: stripeId('evt'),
  paymentIntentId: stripeId('pi'),
  /** Succeeded: what was received; failed and canceled: what the intent asked for. */
  amountMinor: minorUnits.nonnegative(),
  /** Upper-case ISO 4217, as everywhere in hashproof (Stripe writes it in lower case). */
  currency: currencyCode,
  /** Stripe's `created` of the event. */
  occurredAt: isoTimestamp,
};
