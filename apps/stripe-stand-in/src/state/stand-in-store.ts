import type Stripe from 'stripe';
import { resourceMissing } from '../stripe-error';

/**
 * The stand-in's objects, kept in Stripe's own shapes and answered as they are. One platform account: every
 * accepted API key sees the same objects (idempotency keys, though, are per API key).
 */
export class StandInStore {
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly accounts = new Map<string, Stripe.Account>();
  readonly transfers = new Map<string, Stripe.Transfer>();
}

/** Looks an object up, or fails as Stripe does: `No such payment_intent: 'pi_…'` naming the parameter. */
export function found<T>(
  map: ReadonlyMap<string, T>,
  id: string,
  what: { readonly object: string; readonly param: string; readonly statusCode?: number },
): T {
  const value = map.get(id);
  if (value === undefined) throw resourceMissing(what.object, id, what.param, what.statusCode);
  return value;
}
