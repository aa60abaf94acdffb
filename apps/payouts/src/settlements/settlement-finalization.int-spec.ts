import { randomBytes, randomUUID } from 'node:crypto';
import {
  deliveryMeasurementCompletedV1,
  type EventMessage,
  type EventValue,
  rentalActivatedV1,
  rentalStatusChangedV1,
  settlementFinalizedV1,
  topicCatalog,
} from '@hashproof/events';
import { provisionTopics } from '@hashproof/messaging';
import { connectAsAdmin, consumerGroupAtTopicEnds, kafkaTestClient, waitFor } from '@hashproof/testing';
import type { INestApplication } from '@nestjs/common';
import type { Consumer, Producer } from 'kafkajs';
import type { Client } from 'pg';
import { startPayouts } from '../testing/payouts-test-bench';

jest.setTimeout(120_000);

const runId = randomUUID().slice(0, 8);
const day = 86_400_000;
/** 1,000 difficulty-1 shares a second: about 4.3 TH/s. */
const sharesPerSecond = 1_000;
const hashrate = (BigInt(sharesPerSecond) * 2n ** 32n).toString();
const paidMinor = 1_000_001;

type Finalized = EventValue<typeof settlementFinalizedV1>;
type RentalStatus = EventValue<typeof rentalStatusChangedV1>['to'];

interface SettlementRow {
  status: string;
  provider_earnings_minor: string | null;
  renter_refund_minor: string | null;
  credited_seconds: number | null;
}

/** A paid one-day rental starting now, and the events that tell payouts about it. */
function rentalStory() {
  const rentalId = randomUUID();
  const startsAt = new Date(Date.now() - day);
  const at = (fraction: number) => new Date(startsAt.getTime() + fraction * day).toISOString();
  const metadata = () => ({
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: `settlement-it-${runId}`,
    causationId: null,
    producer: 'settlement-finalization-it',
  });
  return {
    rentalId,
    activated: () =>
      rentalActivatedV1.serialize(
        metadata(),
        { rentalId },
        {
          rentalId,
          listingId: randomUUID(),
          providerId: randomUUID(),
          renterId: randomUUID(),
          algorithm: 'sha256d',
          hashrate,
          startsAt: at(0),
          endsAt: at(1),
          price: { amountMinor: paidMinor, currency: 'USD' },
          stratum: {
            credential: `hp_${randomBytes(18).toString('base64url')}`,
            pool: { url: 'stratum+tcp://pool.example.com:3333', worker: 'renter.rig', password: 'x' },
          },
        },
      ),
    statusChanged: (from: RentalStatus | null, to: RentalStatus, fraction = 1) =>
      rentalStatusChangedV1.serialize(
        metadata(),
        { rentalId },
        { rentalId, from, to, actor: 'test', reason: null, at: at(fraction) },
      ),
    /** Measured until `until` of the day, delivering `delivered` of the contracted rate meanwhile. */
    measured: ({ until = 1, delivered = 1, poolDownSeconds = 0 } = {}) => {
      const seconds = (until * day) / 1000;
      return deliveryMeasurementCompletedV1.serialize(
        metadata(),
        { rentalId },
        {
          rentalId,
          startsAt: at(0),
          endsAt: at(until),
          contractedHashrate: hashrate,
          windows: 144,
          measuredSeconds: seconds - poolDownSeconds,
          poolDownSeconds,
          rigConnectedSeconds: seconds - poolDownSeconds,
          acceptedShares: 1_000,
          deliveredWork: sharesPerSecond * (seconds - poolDownSeconds) * delivered,
          estimatedHashrate: 4.3e12 * delivered,
          lower: 4.2e12 * delivered,
          upper: 4.4e12 * delivered,
          pValue: 0.5,
          verdict: 'ok',
        },
      );
    },
  };
}

const eventIdOf = (message: EventMessage) => (JSON.parse(message.value) as { eventId: string }).eventId;

/**
 * Payouts in-process on the test database and broker: each rental's settlement is final exactly once, when
 * both its ending and its last measurement are in (and its activation), whichever order they arrive in and
 * however often; payouts.settlement-finalized.v1 carries the amounts.
 */
describe('settlements made final by payouts', () => {
  let payouts: INestApplication;
  let db: Client;
  let producer: Producer;
  let watcher: Consumer;
  const finalized: Finalized[] = [];

  beforeAll(async () => {
    db = await connectAsAdmin();
    const admin = kafkaTestClient(`settlement-it-${runId}`).admin();
    await admin.connect();
    await provisionTopics(admin, topicCatalog);
    await admin.disconnect();

    const watchGroup = `settlement-watch-it-${runId}`;
    await consumerGroupAtTopicEnds(watchGroup, [settlementFinalizedV1.topic]);
    watcher = kafkaTestClient(watchGroup).consumer({ groupId: watchGroup });
    await watcher.connect();
    await watcher.subscribe({ topics: [settlementFinalizedV1.topic] });
    await watcher.run({
      eachMessage: async ({ message }) => {
        finalized.push(settlementFinalizedV1.deserialize(message.value).value);
      },
    });

    const group = `payouts-settlement-it-${runId}`;
    await consumerGroupAtTopicEnds(group);
    payouts = await startPayouts(group);
    producer = kafkaTestClient(`settlement-producer-it-${runId}`).producer({ idempotent: true });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await payouts?.close();
    await watcher?.disconnect();
    await db?.end();
  });

  /** Each message on its topic, in the order given (one rental's messages share a partition per topic). */
  async function publish(...messages: [string, EventMessage][]) {
    for (const [topic, message] of messages) await producer.send({ topic, acks: -1, messages: [message] });
  }

  const activation = (message: EventMessage): [string, EventMessage] => [rentalActivatedV1.topic, message];
  const statusChange = (message: EventMessage): [string, EventMessage] => [rentalStatusChangedV1.topic, message];
  const measurement = (message: EventMessage): [string, EventMessage] => [
    deliveryMeasurementCompletedV1.topic,
    message,
  ];

  /** Payouts has applied (or deliberately skipped) these events: their processed_events rows committed. */
  const processed = (...messages: EventMessage[]) =>
    waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT 1 FROM payouts.processed_events WHERE consumer = 'payouts' AND event_id = ANY($1::uuid[])`,
          [messages.map(eventIdOf)],
        );
        return rows.length === messages.length;
      },
      { what: 'payouts to process the events' },
    );

  async function settlementOf(rentalId: string): Promise<SettlementRow | undefined> {
    const { rows } = await db.query<SettlementRow>(
      `SELECT status, provider_earnings_minor, renter_refund_minor, credited_seconds
         FROM payouts.settlements WHERE rental_id = $1`,
      [rentalId],
    );
    return rows[0];
  }

  async function finalizedInOutbox(rentalId: string): Promise<{ payload: string; published: boolean }[]> {
    const { rows } = await db.query<{ payload: string; published: boolean }>(
      `SELECT payload, published_at IS NOT NULL AS published FROM payouts.outbox_messages
        WHERE topic = $1 AND message_key = $2`,
      [settlementFinalizedV1.topic, rentalId],
    );
    return rows;
  }

  const finalizedOnKafka = (rentalId: string) =>
    waitFor(async () => finalized.find((event) => event.rentalId === rentalId), {
      what: `payouts.settlement-finalized.v1 for ${rentalId}`,
    });

  /** Exactly one finalized event, in the outbox and on Kafka, whatever was redelivered before or after. */
  async function expectFinalizedOnce(rentalId: string, expected: Partial<Finalized>): Promise<void> {
    expect(await finalizedOnKafka(rentalId)).toMatchObject({ rentalId, paidMinor, currency: 'USD', ...expected });
    expect(await finalizedInOutbox(rentalId)).toEqual([expect.objectContaining({ published: true })]);
    expect(finalized.filter((event) => event.rentalId === rentalId)).toHaveLength(1);
  }

  it('finalizes when the ending follows the measurement, once, however often either is delivered', async () => {
    const story = rentalStory();
    const measured = story.measured({ delivered: 0.5 });
    const completed = story.statusChanged('active', 'completed');
    await publish(activation(story.activated()), measurement(measured), measurement(measured));
    await processed(measured);
    expect(await settlementOf(story.rentalId)).toMatchObject({ status: 'open', provider_earnings_minor: null });

    await publish(statusChange(completed), statusChange(completed));
    await expectFinalizedOnce(story.rentalId, {
      providerEarningsMinor: 500_000,
      renterRefundMinor: 500_001,
      creditedSeconds: 43_200,
    });
    expect(await settlementOf(story.rentalId)).toEqual({
      status: 'final',
      provider_earnings_minor: '500000',
      renter_refund_minor: '500001',
      credited_seconds: 43_200,
    });

    // The same facts again as new events (a replay, a republish): nothing changes, nothing is published.
    const measuredAgain = story.measured({ delivered: 1 });
    const completedAgain = story.statusChanged('active', 'completed');
    await publish(measurement(measuredAgain), statusChange(completedAgain));
    await processed(measuredAgain, completedAgain);
    expect(await settlementOf(story.rentalId)).toMatchObject({ status: 'final', provider_earnings_minor: '500000' });
    expect(await finalizedInOutbox(story.rentalId)).toHaveLength(1);
  });

  it('finalizes a pro-rata cancel when the measurement follows the ending: a quarter delivered, a quarter paid', async () => {
    const story = rentalStory();
    const cancelled = story.statusChanged('active', 'cancelled', 0.25);
    await publish(activation(story.activated()), statusChange(cancelled), statusChange(cancelled));
    await processed(cancelled);
    expect(await settlementOf(story.rentalId)).toMatchObject({ status: 'open' });

    const measured = story.measured({ until: 0.25 });
    await publish(measurement(measured), measurement(measured), measurement(story.measured({ until: 0.5 })));
    await expectFinalizedOnce(story.rentalId, {
      providerEarningsMinor: 250_000,
      renterRefundMinor: 750_001,
      creditedSeconds: 21_600,
    });
  });

  it('finalizes when the activation arrives last, crediting the renter’s pool outages', async () => {
    const story = rentalStory();
    // Down a quarter of the day, full rate otherwise: everything the provider could deliver.
    const measured = story.measured({ poolDownSeconds: 21_600 });
    const terminated = story.statusChanged('active', 'terminated', 1);
    await publish(measurement(measured), statusChange(terminated));
    await processed(measured, terminated);
    expect(await settlementOf(story.rentalId)).toBeUndefined();

    const activated = story.activated();
    await publish(activation(activated), activation(activated));
    await expectFinalizedOnce(story.rentalId, {
      providerEarningsMinor: paidMinor,
      renterRefundMinor: 0,
      creditedSeconds: 86_400,
    });
  });

  it('settles a rental measured while disputed only once its dispute ends it', async () => {
    const story = rentalStory();
    const measured = story.measured({ delivered: 0.1 });
    const disputed = story.statusChanged('active', 'disputed', 0.5);
    await publish(activation(story.activated()), statusChange(disputed), measurement(measured));
    await processed(disputed, measured);
    expect(await settlementOf(story.rentalId)).toMatchObject({ status: 'open' });

    await publish(statusChange(story.statusChanged('disputed', 'terminated', 1.2)));
    await expectFinalizedOnce(story.rentalId, { providerEarningsMinor: 100_000, renterRefundMinor: 900_001 });
  });

  it('finalizes each of many rentals whose ending and measurement arrive at the same moment, once', async () => {
    const stories = Array.from({ length: 24 }, rentalStory);
    const activations = stories.map((story) => story.activated());
    await producer.send({ topic: rentalActivatedV1.topic, acks: -1, messages: activations });
    await processed(...activations);
    // Both topics in one request: payouts takes partitions of either at the same time.
    await producer.sendBatch({
      acks: -1,
      topicMessages: [
        {
          topic: rentalStatusChangedV1.topic,
          messages: stories.map((story) => story.statusChanged('active', 'completed')),
        },
        { topic: deliveryMeasurementCompletedV1.topic, messages: stories.map((story) => story.measured()) },
      ],
    });
    const rentalIds = stories.map(({ rentalId }) => rentalId);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT 1 FROM payouts.settlements WHERE rental_id = ANY($1::uuid[]) AND status = 'final'`,
          [rentalIds],
        );
        return rows.length === rentalIds.length;
      },
      { what: 'every settlement to be final' },
    );
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) FROM payouts.outbox_messages WHERE topic = $1 AND message_key = ANY($2::text[])`,
      [settlementFinalizedV1.topic, rentalIds],
    );
    expect(Number(rows[0]?.count)).toBe(rentalIds.length);
  });

  it('ignores a rental cancelled before payment: it never had a settlement', async () => {
    const story = rentalStory();
    const cancelled = story.statusChanged('pending_payment', 'cancelled', 0);
    await publish(statusChange(story.statusChanged(null, 'pending_payment', 0)), statusChange(cancelled));
    await processed(cancelled);
    const { rows } = await db.query('SELECT 1 FROM payouts.rental_endings WHERE rental_id = $1', [story.rentalId]);
    expect(rows).toHaveLength(0);
    expect(await settlementOf(story.rentalId)).toBeUndefined();
    expect(await finalizedInOutbox(story.rentalId)).toHaveLength(0);
  });
});
