import type Stripe from 'stripe';
import { StripeApiError } from '../stripe-error';
import { type EmittedEvent } from './event-sink';
import { type NewPaymentIntent, PaymentIntents } from './payment-intents';
import { Refunds } from './refunds';
import { StandInStore } from './stand-in-store';

const cause = { requestId: 'req_test', idempotencyKey: null };
const card: NewPaymentIntent = {
  amount: 5000,
  currency: 'usd',
  metadata: { rentalId: 'r1' },
  description: null,
  captureMethod: 'automatic',
  automaticPaymentMethods: { enabled: true },
  transferGroup: 'rental_r1',
  receiptEmail: null,
  statementDescriptorSuffix: null,
};

function setUp() {
  const emitted: EmittedEvent[] = [];
  const store = new StandInStore();
  const context = {
    store,
    events: { emit: (event: EmittedEvent) => emitted.push(event) },
    clock: () => 1_700_000_000_000,
  };
  return { store, emitted, paymentIntents: new PaymentIntents(context), refunds: new Refunds(context) };
}

const types = (emitted: readonly EmittedEvent[]) => emitted.map((event) => event.type);

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof StripeApiError) return error.body.code;
    throw error;
  }
  throw new Error('expected a StripeApiError');
}

describe('PaymentIntents', () => {
  it('creates an intent awaiting a payment method, with a client secret of the pi_…_secret_… form', () => {
    const { paymentIntents, emitted } = setUp();
    const intent = paymentIntents.create(card, cause);
    expect(intent).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      created: 1_700_000_000,
    });
    expect(intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_[A-Za-z0-9]{25}$`));
    expect(types(emitted)).toEqual(['payment_intent.created']);
  });

  it('succeeds with a captured charge and announces the charge, then the intent', () => {
    const { paymentIntents, store, emitted } = setUp();
    const intent = paymentIntents.succeed(paymentIntents.create(card, cause).id, cause);
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 5000, last_payment_error: null });
    const charge = store.charges.get(intent.latest_charge as string);
    expect(charge).toMatchObject({ object: 'charge', status: 'succeeded', captured: true, amount_captured: 5000 });
    expect(charge?.metadata).toEqual({ rentalId: 'r1' });
    expect(types(emitted)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
  });

  it('authorizes a manual-capture intent, then captures it', () => {
    const { paymentIntents, emitted } = setUp();
    const { id } = paymentIntents.create({ ...card, captureMethod: 'manual' }, cause);
    expect(paymentIntents.succeed(id, cause)).toMatchObject({ status: 'requires_capture', amount_capturable: 5000 });
    expect(paymentIntents.capture(id, 3000, cause)).toMatchObject({ status: 'succeeded', amount_received: 3000 });
    expect(types(emitted).slice(1)).toEqual([
      'charge.succeeded',
      'payment_intent.amount_capturable_updated',
      'charge.captured',
      'payment_intent.succeeded',
    ]);
  });

  it('puts a declined intent back to requires_payment_method with the card error, and lets it be paid again', () => {
    const { paymentIntents, emitted } = setUp();
    const { id } = paymentIntents.create(card, cause);
    const failed = paymentIntents.fail(id, 'insufficient_funds', cause);
    expect(failed.status).toBe('requires_payment_method');
    expect(failed.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
    expect(paymentIntents.succeed(id, cause).status).toBe('succeeded');
    expect(types(emitted)).toContain('payment_intent.payment_failed');
  });

  it('cancels from the statuses Stripe allows, and refuses a succeeded intent with payment_intent_unexpected_state', () => {
    const { paymentIntents, emitted } = setUp();
    const open = paymentIntents.create(card, cause);
    expect(paymentIntents.cancel(open.id, 'abandoned', cause)).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'abandoned',
      canceled_at: 1_700_000_000,
    });
    expect(types(emitted)).toContain('payment_intent.canceled');
    const paid = paymentIntents.succeed(paymentIntents.create(card, cause).id, cause);
    expect(codeOf(() => paymentIntents.cancel(paid.id, null, cause))).toBe('payment_intent_unexpected_state');
    expect(codeOf(() => paymentIntents.succeed(open.id, cause))).toBe('payment_intent_unexpected_state');
  });

  it('refunds up to what was captured, announcing refund.created and charge.refunded', () => {
    const { paymentIntents, refunds, store, emitted } = setUp();
    const { id } = paymentIntents.succeed(paymentIntents.create(card, cause).id, cause);
    const partial = refunds.create({ paymentIntent: id, amount: 2000, reason: null, metadata: {} }, cause);
    expect(partial).toMatchObject({ object: 'refund', amount: 2000, status: 'succeeded', payment_intent: id });
    expect(codeOf(() => refunds.create({ paymentIntent: id, amount: 3001, reason: null, metadata: {} }, cause))).toBe(
      'amount_too_large',
    );
    const rest = refunds.create({ paymentIntent: id, reason: 'requested_by_customer', metadata: {} }, cause);
    expect(rest.amount).toBe(3000);
    const charge = store.charges.get(partial.charge as string) as Stripe.Charge;
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(codeOf(() => refunds.create({ paymentIntent: id, reason: null, metadata: {} }, cause))).toBe(
      'charge_already_refunded',
    );
    expect(types(emitted).slice(-2)).toEqual(['refund.created', 'charge.refunded']);
  });

  it('refuses to refund an intent that was never paid', () => {
    const { paymentIntents, refunds } = setUp();
    const { id } = paymentIntents.create(card, cause);
    expect(() => refunds.create({ paymentIntent: id, reason: null, metadata: {} }, cause)).toThrow(
      /does not have a successful charge to refund/,
    );
  });
});
