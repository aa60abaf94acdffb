import { randomBytes, randomUUID } from 'node:crypto';
import {
  type EventValue,
  paymentFailedV1,
  paymentSucceededV1,
  rentalActivatedV1,
  rentalStatusChangedV1,
  topicCatalog,
} from '@hashproof/events';
import { provisionTopics } from '@hashproof/messaging';
import {
  connectAsAdmin,
  freePort,
  kafkaTestClient,
  ServiceProcess,
  startStripeStandIn,
  type StripeStandInProcess,
  testDatabaseUrl,
  testInternalApiToken,
  testKafkaBrokers,
  waitFor,
} from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import type { Client } from 'pg';
import Stripe from 'stripe';
import { InsufficientCapacityError } from '../provider-capacity/capacity-rule';
import { OpenRentalUseCase } from '../rentals/open-rental.usecase';
import type { Rental } from '../rentals/rental.entity';
import { grantVerifiedCapacity, startContracts } from '../testing/contracts-test-bench';
import { paymentHoldExpiredActor } from './payment-hold';
import { RentalNotAwaitingPaymentError } from './payment.errors';
import { RequestPaymentUseCase } from './request-payment.usecase';

jest.setTimeout(180_000);

const runId = randomUUID().slice(0, 8);
const TH = 1_000_000_000_000n;
const price = 1_234_500n;
const stripeKey = `sk_test_paidRental${runId}`;
const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
const allTopics = topicCatalog.map((settings) => settings.topic);

type StatusChange = EventValue<typeof rentalStatusChangedV1>;
type Activation = EventValue<typeof rentalActivatedV1>;

/**
 * Commits `groupId` at the current end of `topics` with one join of the group (kafkajs' admin.setOffsets joins
 * it once per topic), so the services started in it read only what this suite publishes, not the backlog.
 */
async function groupAtTopicEnds(groupId: string, topics: readonly string[]): Promise<void> {
  const kafka = kafkaTestClient(`${groupId}-setup`);
  const admin = kafka.admin();
  const consumer = kafka.consumer({ groupId });
  await Promise.all([admin.connect(), consumer.connect()]);
  try {
    const ends = await Promise.all(
      topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high })),
      ),
    );
    await consumer.subscribe({ topics: [...topics] });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await joined;
    await consumer.commitOffsets(ends.flat());
  } finally {
    await Promise.all([consumer.disconnect(), admin.disconnect()]);
  }
}

interface StandInEvent {
  readonly event: Stripe.Event;
  readonly deliveries: readonly { readonly status: number | null; readonly delivered: boolean }[];
}

/** What contracts and the gateway publish about rentals and payments, read from the topics' ends onwards. */
class Watcher {
  readonly activations: Activation[] = [];
  readonly statusChanges: StatusChange[] = [];
  private readonly consumer: Consumer;

  constructor(private readonly groupId: string) {
    this.consumer = kafkaTestClient(groupId).consumer({ groupId });
  }

  async start(): Promise<void> {
    const topics = [rentalActivatedV1.topic, rentalStatusChangedV1.topic];
    await groupAtTopicEnds(this.groupId, topics);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        if (topic === rentalActivatedV1.topic)
          this.activations.push(rentalActivatedV1.deserialize(message.value).value);
        else this.statusChanges.push(rentalStatusChangedV1.deserialize(message.value).value);
      },
    });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

describe('paying a rental through Stripe (the stand-in), the gateway’s webhook and contracts', () => {
  let admin: Client;
  let standIn: StripeStandInProcess;
  let gateway: ServiceProcess;
  let contracts: INestApplicationContext;
  let stripe: Stripe;
  const watcher = new Watcher(`paid-rental-watch-it-${runId}`);

  beforeAll(async () => {
    admin = await connectAsAdmin();
    const kafkaAdmin = kafkaTestClient(`paid-rental-it-${runId}`).admin();
    await kafkaAdmin.connect();
    await provisionTopics(kafkaAdmin, topicCatalog);
    await kafkaAdmin.disconnect();

    const gatewayPort = await freePort();
    standIn = await startStripeStandIn({
      webhookUrl: `http://127.0.0.1:${gatewayPort}/v1/webhooks/stripe`,
      webhookSecret,
    });
    stripe = new Stripe(stripeKey, { host: '127.0.0.1', port: standIn.port, protocol: 'http' });

    const gatewayGroup = `gateway-paid-rental-it-${runId}`;
    await groupAtTopicEnds(gatewayGroup, allTopics);
    gateway = new ServiceProcess(
      'gateway',
      {
        DATABASE_URL: testDatabaseUrl('gateway'),
        KAFKA_BROKERS: testKafkaBrokers,
        KAFKA_CONSUMER_GROUP: gatewayGroup,
        REDIS_URL: 'redis://127.0.0.1:6379/14',
        JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
        INTERNAL_API_TOKEN: testInternalApiToken,
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        OUTBOX_POLL_INTERVAL_MS: '100',
        LOG_LEVEL: 'warn',
      },
      gatewayPort,
    );
    await gateway.start().catch((error: unknown) => {
      throw new Error(`the gateway did not start: ${String(error)}\n${gateway.output.join('')}`);
    });

    const contractsGroup = `contracts-paid-rental-it-${runId}`;
    await groupAtTopicEnds(contractsGroup, allTopics);
    contracts = await startContracts({
      consumerGroup: contractsGroup,
      settings: {
        STRIPE_SECRET_KEY: stripeKey,
        STRIPE_API_URL: standIn.url,
        PAYMENT_HOLD_CHECK_INTERVAL_MS: '200',
      },
    });
    await watcher.start();
  });

  afterAll(async () => {
    await watcher.stop();
    await contracts?.close();
    await gateway?.stop();
    await standIn?.stop();
    await admin?.end();
  });

  const requestPayment = (rentalId: string) => contracts.get(RequestPaymentUseCase).execute(rentalId);

  async function openRental(providerId: string, hashrate: bigint): Promise<Rental> {
    return contracts.get(OpenRentalUseCase).execute({
      listingId: randomUUID(),
      providerId,
      renterId: randomUUID(),
      hashrate,
      durationSeconds: 86_400,
      priceMinor: price,
      currency: 'USD',
      pool: { url: 'stratum+tcp://127.0.0.1:3334', worker: 'renter.paid', password: 'x' },
      actor: 'renter:test',
    });
  }

  /** A provider verified for `hashrate`, and a rental of all of it awaiting payment. */
  async function rentalOfWholeCapacity(hashrate = 50n * TH): Promise<{ providerId: string; rental: Rental }> {
    const providerId = randomUUID();
    await grantVerifiedCapacity(contracts, providerId, hashrate);
    return { providerId, rental: await openRental(providerId, hashrate) };
  }

  async function rentalRow(rentalId: string) {
    const { rows } = await admin.query<{
      status: string;
      payment_intent_id: string | null;
      payment_hold_expires_at: Date | null;
      payment_received_after_cancel: boolean;
      stratum_credential: string | null;
    }>(
      `SELECT status, payment_intent_id, payment_hold_expires_at, payment_received_after_cancel, stratum_credential
         FROM contracts.rentals WHERE id = $1`,
      [rentalId],
    );
    const row = rows[0];
    if (!row) throw new Error(`rental ${rentalId} is not stored`);
    return row;
  }

  async function transitionsOf(rentalId: string) {
    const { rows } = await admin.query<{ from: string | null; to: string; actor: string }>(
      `SELECT from_status AS "from", to_status AS "to", actor FROM contracts.rental_transitions
        WHERE rental_id = $1 ORDER BY id`,
      [rentalId],
    );
    return rows;
  }

  async function paymentEventsOf(rentalId: string) {
    const { rows } = await admin.query<{ stripe_event_id: string; kind: string; outcome: string }>(
      `SELECT stripe_event_id, kind, outcome FROM contracts.rental_payment_events WHERE rental_id = $1
        ORDER BY recorded_at, stripe_event_id`,
      [rentalId],
    );
    return rows;
  }

  async function recordedStripeEvents(eventId: string): Promise<number> {
    const { rows } = await admin.query<{ count: string }>(
      'SELECT count(*) FROM gateway.stripe_events WHERE event_id = $1',
      [eventId],
    );
    return Number(rows[0]?.count);
  }

  async function gatewayOutboxed(topic: string, rentalId: string): Promise<number> {
    const { rows } = await admin.query<{ count: string }>(
      'SELECT count(*) FROM gateway.outbox_messages WHERE topic = $1 AND message_key = $2',
      [topic, rentalId],
    );
    return Number(rows[0]?.count);
  }

  /** The stand-in's events of one type about one PaymentIntent, with their deliveries to the gateway. */
  async function standInEvents(type: string, paymentIntentId: string): Promise<StandInEvent[]> {
    const response = await fetch(`${standIn.url}/_stand-in/events?type=${type}`);
    const { data } = (await response.json()) as { data: StandInEvent[] };
    return data.filter((entry) => (entry.event.data.object as { id?: string }).id === paymentIntentId);
  }

  const deliveredEvent = (type: string, paymentIntentId: string) =>
    waitFor(
      async () =>
        (await standInEvents(type, paymentIntentId)).find((entry) => entry.deliveries.some((d) => d.delivered)),
      { timeoutMs: 30_000, what: `${type} for ${paymentIntentId} to be delivered to the gateway` },
    );

  /** POSTs a webhook to the gateway as Stripe would, signed with `secret` at `timestamp`. */
  async function postWebhook(payload: string, signature: string | undefined): Promise<Response> {
    return fetch(`http://127.0.0.1:${gateway.httpPort}/v1/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(signature === undefined ? {} : { 'stripe-signature': signature }),
      },
      body: payload,
    });
  }

  const sign = (payload: string, secret = webhookSecret, timestamp = Math.floor(Date.now() / 1000)) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

  /** A payment_intent.succeeded event as Stripe renders one, for an intent of `rentalId`. */
  function succeededEvent(rentalId: string, paymentIntentId: string): { id: string; payload: string } {
    const id = `evt_${randomBytes(12).toString('hex')}`;
    const payload = JSON.stringify({
      id,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: paymentIntentId,
          object: 'payment_intent',
          amount: Number(price),
          amount_received: Number(price),
          currency: 'usd',
          metadata: { rentalId },
          status: 'succeeded',
        },
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'payment_intent.succeeded',
    });
    return { id, payload };
  }

  const statusChange = (rentalId: string, to: string) =>
    waitFor(async () => watcher.statusChanges.find((change) => change.rentalId === rentalId && change.to === to), {
      timeoutMs: 30_000,
      what: `rentals.status-changed.v1 to ${to} for ${rentalId}`,
    });

  let paid: { rental: Rental; paymentIntentId: string; succeededEventId: string };

  it('activates a paid rental: one PaymentIntent per rental, a signed webhook, payments and lifecycle events', async () => {
    const { rental } = await rentalOfWholeCapacity();

    const payment = await requestPayment(rental.id);
    expect(await requestPayment(rental.id)).toEqual(payment);
    expect(payment.clientSecret).toMatch(new RegExp(`^${payment.paymentIntentId}_secret_\\w+$`));
    expect(payment.holdExpiresAt.getTime()).toBe(rental.createdAt.getTime() + 900_000);

    const intent = await stripe.paymentIntents.retrieve(payment.paymentIntentId);
    expect(intent).toMatchObject({
      amount: Number(price),
      currency: 'usd',
      metadata: { rentalId: rental.id },
      automatic_payment_methods: { enabled: true },
      status: 'requires_payment_method',
    });
    const created = await standInEvents('payment_intent.created', intent.id);
    expect(created).toHaveLength(1);
    expect(created[0]?.event.request?.idempotency_key).toBe(`rental-${rental.id}-payment`);
    expect(await rentalRow(rental.id)).toMatchObject({
      status: 'pending_payment',
      payment_intent_id: intent.id,
      payment_hold_expires_at: payment.holdExpiresAt,
    });

    await standIn.control(`/payment_intents/${intent.id}/succeed`);

    const activation = await waitFor(
      async () => watcher.activations.find((activated) => activated.rentalId === rental.id),
      { timeoutMs: 60_000, what: 'rentals.activated.v1 for the paid rental' },
    );
    const row = await rentalRow(rental.id);
    expect(row.status).toBe('active');
    expect(activation.stratum.credential).toBe(row.stratum_credential);
    expect(activation.price).toEqual({ amountMinor: Number(price), currency: 'USD' });

    const succeeded = await deliveredEvent('payment_intent.succeeded', intent.id);
    const actor = `stripe:${succeeded.event.id}`;
    expect(await transitionsOf(rental.id)).toEqual([
      { from: null, to: 'pending_payment', actor: 'renter:test' },
      { from: 'pending_payment', to: 'active', actor },
    ]);
    expect(await statusChange(rental.id, 'active')).toMatchObject({ from: 'pending_payment', actor, reason: null });
    expect(await paymentEventsOf(rental.id)).toEqual([
      { stripe_event_id: succeeded.event.id, kind: 'succeeded', outcome: 'activated' },
    ]);
    const { rows } = await admin.query<{ type: string; published_topic: string; rental_id: string }>(
      'SELECT type, published_topic, rental_id FROM gateway.stripe_events WHERE event_id = $1',
      [succeeded.event.id],
    );
    expect(rows).toEqual([
      { type: 'payment_intent.succeeded', published_topic: paymentSucceededV1.topic, rental_id: rental.id },
    ]);
    paid = { rental, paymentIntentId: intent.id, succeededEventId: succeeded.event.id };
  });

  it('treats a resent webhook as the duplicate it is: 200, and no second event or change', async () => {
    const { rental, succeededEventId } = paid;
    const resent = (await standIn.control(`/events/${succeededEventId}/resend`)) as {
      attempt: { status: number | null };
    };
    expect(resent.attempt.status).toBe(200);

    expect(await recordedStripeEvents(succeededEventId)).toBe(1);
    expect(await gatewayOutboxed(paymentSucceededV1.topic, rental.id)).toBe(1);
    expect(await paymentEventsOf(rental.id)).toHaveLength(1);
    expect(await transitionsOf(rental.id)).toHaveLength(2);
    expect((await rentalRow(rental.id)).status).toBe('active');
  });

  it('refuses a delivery whose signature does not verify with 400 problem+json, recording nothing', async () => {
    const forged = succeededEvent(randomUUID(), `pi_${randomBytes(12).toString('hex')}`);
    const wrongSecret = await postWebhook(
      forged.payload,
      sign(forged.payload, `whsec_${randomBytes(24).toString('hex')}`),
    );
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await wrongSecret.json()).toMatchObject({
      status: 400,
      type: 'urn:hashproof:problem:invalid-stripe-signature',
    });

    expect((await postWebhook(forged.payload, undefined)).status).toBe(400);
    const stale = sign(forged.payload, webhookSecret, Math.floor(Date.now() / 1000) - 301);
    expect((await postWebhook(forged.payload, stale)).status).toBe(400);
    const altered = forged.payload.replace(`"amount_received":${Number(price)}`, '"amount_received":1');
    expect((await postWebhook(altered, sign(forged.payload))).status).toBe(400);

    expect(await recordedStripeEvents(forged.id)).toBe(0);
  });

  let released: { providerId: string; rental: Rental; paymentIntentId: string };

  it('leaves a rental pending after a declined card, and lets the expired hold cancel intent and rental', async () => {
    const { providerId, rental } = await rentalOfWholeCapacity();
    const { paymentIntentId } = await requestPayment(rental.id);

    await standIn.control(`/payment_intents/${paymentIntentId}/fail`, { decline_code: 'insufficient_funds' });
    const failed = await deliveredEvent('payment_intent.payment_failed', paymentIntentId);
    await waitFor(async () => (await paymentEventsOf(rental.id)).length === 1, { what: 'the failed payment' });
    expect(await paymentEventsOf(rental.id)).toEqual([
      { stripe_event_id: failed.event.id, kind: 'failed', outcome: 'recorded' },
    ]);
    expect(await gatewayOutboxed(paymentFailedV1.topic, rental.id)).toBe(1);
    expect((await rentalRow(rental.id)).status).toBe('pending_payment');
    expect(await requestPayment(rental.id)).toMatchObject({ paymentIntentId });
    await expect(openRental(providerId, 1n)).rejects.toThrow(InsufficientCapacityError);

    // The hold ends now rather than in 15 minutes.
    await admin.query(
      `UPDATE contracts.rentals SET payment_hold_expires_at = now() - interval '1 second' WHERE id = $1`,
      [rental.id],
    );
    await waitFor(async () => (await rentalRow(rental.id)).status === 'cancelled', {
      timeoutMs: 30_000,
      what: 'the expired hold to cancel the rental',
    });
    expect(await stripe.paymentIntents.retrieve(paymentIntentId)).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'abandoned',
    });
    expect((await transitionsOf(rental.id)).at(-1)).toEqual({
      from: 'pending_payment',
      to: 'cancelled',
      actor: paymentHoldExpiredActor,
    });
    expect(await statusChange(rental.id, 'cancelled')).toMatchObject({
      from: 'pending_payment',
      actor: paymentHoldExpiredActor,
      reason: `payment hold expired; PaymentIntent ${paymentIntentId} canceled at Stripe`,
    });

    // Stripe's payment_intent.canceled comes after the rental was cancelled: recorded, nothing else.
    const canceled = await deliveredEvent('payment_intent.canceled', paymentIntentId);
    await waitFor(async () => (await paymentEventsOf(rental.id)).length === 2, { what: 'the canceled payment' });
    expect((await paymentEventsOf(rental.id)).at(-1)).toEqual({
      stripe_event_id: canceled.event.id,
      kind: 'canceled',
      outcome: 'unchanged',
    });
    expect(await transitionsOf(rental.id)).toHaveLength(2);

    await expect(requestPayment(rental.id)).rejects.toThrow(RentalNotAwaitingPaymentError);
    const next = await openRental(providerId, 50n * TH);
    expect(next.status).toBe('pending_payment');
    released = { providerId, rental, paymentIntentId };
  });

  it('releases the capacity of a rental never asked to pay once its hold has passed', async () => {
    const { providerId, rental } = await rentalOfWholeCapacity(10n * TH);
    await admin.query(`UPDATE contracts.rentals SET created_at = now() - interval '901 seconds' WHERE id = $1`, [
      rental.id,
    ]);
    await waitFor(async () => (await rentalRow(rental.id)).status === 'cancelled', {
      timeoutMs: 30_000,
      what: 'the hold to cancel the unpaid rental',
    });
    expect(await statusChange(rental.id, 'cancelled')).toMatchObject({
      actor: paymentHoldExpiredActor,
      reason: 'payment hold expired before payment was requested',
    });
    expect((await openRental(providerId, 10n * TH)).status).toBe('pending_payment');
  });

  it('keeps a rental cancelled when money arrives after all, and flags the payment for a refund', async () => {
    const { rental, paymentIntentId } = released;
    const late = succeededEvent(rental.id, paymentIntentId);
    const response = await postWebhook(late.payload, sign(late.payload));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });

    await waitFor(async () => (await rentalRow(rental.id)).payment_received_after_cancel, {
      what: 'the late payment to be flagged',
    });
    expect((await rentalRow(rental.id)).status).toBe('cancelled');
    expect((await paymentEventsOf(rental.id)).at(-1)).toEqual({
      stripe_event_id: late.id,
      kind: 'succeeded',
      outcome: 'received-after-cancel',
    });
    expect(await transitionsOf(rental.id)).toHaveLength(2);

    const again = await postWebhook(late.payload, sign(late.payload));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
  });
});
