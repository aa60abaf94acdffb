import { randomUUID } from 'node:crypto';
import { InvalidEventError } from '../invalid-event.error';
import { rentalStatusChangedV1 } from '../rentals/status-changed/rental-status-changed.event';
import { topicCatalog } from '../topic-catalog';
import { paymentSucceededV1 } from './payment-succeeded/payment-succeeded.event';

const rentalId = randomUUID();
const metadata = {
  eventId: randomUUID(),
  occurredAt: '2026-11-24T07:00:00.000Z',
  correlationId: 'req-1',
  causationId: null,
  producer: 'gateway',
};
const payment = {
  rentalId,
  stripeEventId: 'evt_3QtestEvent0000000000001',
  paymentIntentId: 'pi_3QtestIntent000000000001',
  amountMinor: 1_234_500,
  currency: 'USD',
  occurredAt: '2026-11-24T07:00:00.000Z',
};

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidEventError) return error.problems;
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}

describe('payment and rental lifecycle events', () => {
  it('key payments by rental, so one rental’s payment events stay in order', () => {
    const message = paymentSucceededV1.serialize(metadata, { rentalId }, payment);
    expect(message.key).toBe(rentalId);
    expect(paymentSucceededV1.deserialize(message.value).value).toEqual(payment);
  });

  it('refuse Stripe ids of the wrong kind and lower-case currencies', () => {
    expect(
      problemsOf(() =>
        paymentSucceededV1.serialize(metadata, { rentalId }, { ...payment, paymentIntentId: 'ch_1', currency: 'usd' }),
      ),
    ).toEqual(['value.paymentIntentId: a Stripe id starting with pi_', 'value.currency: an ISO 4217 code such as USD']);
  });

  it('carry each status change with who caused it; opening has no previous status', () => {
    const change = {
      rentalId,
      from: 'pending_payment' as const,
      to: 'cancelled' as const,
      actor: 'system:payment-hold-expired',
      reason: 'payment hold expired',
      at: '2026-11-24T07:15:00.000Z',
    };
    expect(
      rentalStatusChangedV1.deserialize(rentalStatusChangedV1.serialize(metadata, { rentalId }, change).value),
    ).toMatchObject({ value: change });
    expect(() =>
      rentalStatusChangedV1.serialize(metadata, { rentalId }, { ...change, from: null, to: 'pending_payment' }),
    ).not.toThrow();
    expect(
      problemsOf(() => rentalStatusChangedV1.serialize(metadata, { rentalId }, { ...change, to: 'paid' as never })),
    ).toEqual([expect.stringMatching(/^value\.to: /)]);
  });

  it('are in the topic catalog, so provisioning creates their topics', () => {
    const topics = topicCatalog.map((settings) => settings.topic);
    expect(topics).toEqual(
      expect.arrayContaining([
        'rentals.status-changed.v1',
        'payments.payment-succeeded.v1',
        'payments.payment-failed.v1',
        'payments.payment-canceled.v1',
      ]),
    );
  });
});
