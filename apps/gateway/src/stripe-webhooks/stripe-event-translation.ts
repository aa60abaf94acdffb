import type { EventValue, paymentCanceledV1, paymentFailedV1, paymentSucceededV1 } from '@hashproof/events';
import type Stripe from 'stripe';
import { z } from 'zod';

/** What a verified Stripe event becomes: one of the payments events, or nothing (with why). */
export type StripeEventTranslation =
  | { readonly kind: 'payment-succeeded'; readonly value: EventValue<typeof paymentSucceededV1> }
  | { readonly kind: 'payment-failed'; readonly value: EventValue<typeof paymentFailedV1> }
  | { readonly kind: 'payment-canceled'; readonly value: EventValue<typeof paymentCanceledV1> }
  | { readonly kind: 'ignored'; readonly reason: string };

const rentalId = z.uuid();

/**
 * Translates Stripe's PaymentIntent outcomes for hashproof rentals (contracts puts the rental id in the
 * intent's metadata) into payments events; every other event is acknowledged and left alone. The amount is
 * what was received for a success and what was asked otherwise; the time is Stripe's.
 */
export function translateStripeEvent(event: Stripe.Event): StripeEventTranslation {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const facts = paymentFactsOf(event, event.data.object, event.data.object.amount_received);
      return facts ? { kind: 'payment-succeeded', value: facts } : notARentalPayment;
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const facts = paymentFactsOf(event, intent, intent.amount);
      if (!facts) return notARentalPayment;
      const error = intent.last_payment_error;
      const failure = error
        ? { code: error.code ?? null, declineCode: error.decline_code ?? null, message: error.message ?? null }
        : null;
      return { kind: 'payment-failed', value: { ...facts, failure } };
    }
    case 'payment_intent.canceled': {
      const intent = event.data.object;
      const facts = paymentFactsOf(event, intent, intent.amount);
      if (!facts) return notARentalPayment;
      return { kind: 'payment-canceled', value: { ...facts, cancellationReason: intent.cancellation_reason ?? null } };
    }
    default:
      return { kind: 'ignored', reason: `${event.type} is not acted on` };
  }
}

const notARentalPayment: StripeEventTranslation = {
  kind: 'ignored',
  reason: 'the PaymentIntent names no hashproof rental (metadata.rentalId)',
};

function paymentFactsOf(event: Stripe.Event, intent: Stripe.PaymentIntent, amountMinor: number) {
  const named = rentalId.safeParse(intent.metadata?.rentalId);
  if (!named.success) return undefined;
  return {
    rentalId: named.data,
    stripeEventId: event.id,
    paymentIntentId: intent.id,
    amountMinor,
    currency: intent.currency.toUpperCase(),
    occurredAt: new Date(event.created * 1000).toISOString(),
  };
}

/** The PaymentIntent a Stripe event is about, if it is about one. */
export function paymentIntentIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: unknown; id?: unknown };
  return object.object === 'payment_intent' && typeof object.id === 'string' ? object.id : null;
}
