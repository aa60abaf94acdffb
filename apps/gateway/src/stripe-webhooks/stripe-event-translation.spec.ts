import { paymentCanceledV1, paymentFailedV1, paymentSucceededV1 } from '@hashproof/events';
import type Stripe from 'stripe';
import { paymentIntentIdOf, translateStripeEvent } from './stripe-event-translation';

const rentalId = '0b9f3f39-5d5e-4c41-9a4f-6f3c1f5c2a10';
const created = 1_764_000_000;

function intentEvent(type: string, intent: Record<string, unknown> = {}): Stripe.Event {
  return {
    id: 'evt_3QtestEvent0000000000001',
    object: 'event',
    type,
    created,
    livemode: false,
    api_version: '2025-11-17.clover',
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: 'pi_3QtestIntent000000000001',
        object: 'payment_intent',
        amount: 1_234_500,
        amount_received: 0,
        currency: 'usd',
        metadata: { rentalId },
        last_payment_error: null,
        cancellation_reason: null,
        ...intent,
      },
    },
  } as unknown as Stripe.Event;
}

const facts = {
  rentalId,
  stripeEventId: 'evt_3QtestEvent0000000000001',
  paymentIntentId: 'pi_3QtestIntent000000000001',
  currency: 'USD',
  occurredAt: new Date(created * 1000).toISOString(),
};

describe('translating Stripe events into payments events', () => {
  it('payment_intent.succeeded becomes payment-succeeded with the amount received', () => {
    const translation = translateStripeEvent(
      intentEvent('payment_intent.succeeded', { amount_received: 1_234_500, status: 'succeeded' }),
    );
    expect(translation).toEqual({ kind: 'payment-succeeded', value: { ...facts, amountMinor: 1_234_500 } });
    if (translation.kind !== 'payment-succeeded') throw new Error('unreachable');
    expect(() => paymentSucceededV1.serialize(metadata, { rentalId }, translation.value)).not.toThrow();
  });

  it('payment_intent.payment_failed becomes payment-failed with Stripe’s error', () => {
    const translation = translateStripeEvent(
      intentEvent('payment_intent.payment_failed', {
        last_payment_error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          message: 'Your card has insufficient funds.',
        },
      }),
    );
    expect(translation).toEqual({
      kind: 'payment-failed',
      value: {
        ...facts,
        amountMinor: 1_234_500,
        failure: {
          code: 'card_declined',
          declineCode: 'insufficient_funds',
          message: 'Your card has insufficient funds.',
        },
      },
    });
    if (translation.kind !== 'payment-failed') throw new Error('unreachable');
    expect(() => paymentFailedV1.serialize(metadata, { rentalId }, translation.value)).not.toThrow();
  });

  it('payment_intent.canceled becomes payment-canceled with the reason', () => {
    const translation = translateStripeEvent(
      intentEvent('payment_intent.canceled', { cancellation_reason: 'abandoned' }),
    );
    expect(translation).toEqual({
      kind: 'payment-canceled',
      value: { ...facts, amountMinor: 1_234_500, cancellationReason: 'abandoned' },
    });
    if (translation.kind !== 'payment-canceled') throw new Error('unreachable');
    expect(() => paymentCanceledV1.serialize(metadata, { rentalId }, translation.value)).not.toThrow();
  });

  it('ignores every other event type', () => {
    expect(translateStripeEvent(intentEvent('payment_intent.created'))).toEqual({
      kind: 'ignored',
      reason: 'payment_intent.created is not acted on',
    });
    expect(translateStripeEvent(intentEvent('charge.succeeded'))).toMatchObject({ kind: 'ignored' });
  });

  it('ignores payments that are not for a hashproof rental', () => {
    for (const metadata of [{}, { rentalId: 'not-a-uuid' }]) {
      expect(translateStripeEvent(intentEvent('payment_intent.succeeded', { metadata }))).toEqual({
        kind: 'ignored',
        reason: 'the PaymentIntent names no hashproof rental (metadata.rentalId)',
      });
    }
  });

  it('finds the PaymentIntent an event is about', () => {
    expect(paymentIntentIdOf(intentEvent('payment_intent.created'))).toBe('pi_3QtestIntent000000000001');
    expect(paymentIntentIdOf(intentEvent('charge.succeeded', { object: 'charge', id: 'ch_1' }))).toBeNull();
  });
});

const metadata = {
  eventId: '6a1d7c52-0d1e-4f5e-8a0b-3c2d1e0f9a8b',
  occurredAt: new Date().toISOString(),
  correlationId: 'translation-spec',
  causationId: null,
  producer: 'gateway',
};
