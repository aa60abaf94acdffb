import { randomUUID } from 'node:crypto';
import {
  contractFlagClearedV1,
  contractFlaggedV1,
  deliveryWindowClosedV1,
  type EventMessage,
  type EventMetadata,
  rentalActivatedV1,
} from '@hashproof/events';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import { kafkaTestClient, testKafkaBrokers, waitFor } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { bearer, signUp, startGateway, type TestAccount, seedAndLogInAdmin } from '../testing/gateway-test-bench';
import type { DeliverySummaryView } from './delivery-summary.dto';
import type { DeliveryWindowView } from './delivery-window.dto';

jest.setTimeout(120_000);

/** Its own group each run, so no other run or service shares its offsets. */
const group = `gateway-delivery-it-${randomUUID().slice(0, 8)}`;
const topics = [rentalActivatedV1, deliveryWindowClosedV1, contractFlaggedV1, contractFlagClearedV1].map(
  (contract) => contract.topic,
);

/**
 * Commits the current end of each topic for the group before the gateway joins it: this suite needs only
 * the events it publishes, and catching up on all that other suites published would slow it down run by run.
 */
async function startGroupAtTopicEnds(): Promise<void> {
  const kafka = kafkaTestClient(`${group}-setup`);
  const admin = kafka.admin();
  const consumer = kafka.consumer({ groupId: group });
  await Promise.all([admin.connect(), consumer.connect()]);
  try {
    const ends = await Promise.all(
      topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high })),
      ),
    );
    await consumer.subscribe({ topics });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    await consumer.commitOffsets(ends.flat());
  } finally {
    await Promise.all([consumer.disconnect(), admin.disconnect()]);
  }
}

/** The test bench serves HTTP only; this adds the Kafka consumer that main.ts runs beside it. */
async function startConsumingGateway(): Promise<NestFastifyApplication> {
  await startGroupAtTopicEnds();
  const app = await startGateway({ KAFKA_CONSUMER_GROUP: group });
  const settings = { KAFKA_BROKERS: testKafkaBrokers.split(','), KAFKA_SSL: false, KAFKA_CONSUMER_GROUP: group };
  app.connectMicroservice(kafkaMicroserviceOptions(settings, 'gateway'), { inheritAppConfig: true });
  await app.startAllMicroservices();
  return app;
}

const metadata = (): EventMetadata => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  correlationId: 'rental-delivery-it',
  causationId: null,
  producer: 'rental-delivery-it',
});

const contractedHashrate = 1e12;
const windowSeconds = 600;
// Far in the future: a verifier consuming the same topics (other suites run beside this one) measures this
// rental too, and would otherwise close a backlog of windows for it since its start and publish them.
const startsAt = new Date('2099-03-01T00:00:00.000Z');
const endsAt = new Date(startsAt.getTime() + 3600 * 1000);
/** A moment `minutes` into the rental. */
const minute = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000).toISOString();

interface WindowFigures {
  readonly accepted: number;
  readonly rejected: Record<string, number>;
  readonly poolDown: number;
  readonly connected: number;
  readonly estimate: number;
  readonly toDate: number;
  readonly pValue: number;
}

function measurement(acceptedShares: number, estimatedHashrate: number, pValue: number) {
  return {
    measuredSeconds: windowSeconds,
    acceptedShares,
    deliveredWork: (estimatedHashrate * windowSeconds) / 2 ** 32,
    estimatedHashrate,
    lower: estimatedHashrate * 0.9,
    upper: estimatedHashrate * 1.1,
    pValue,
    verdict: pValue < 0.01 ? ('under-delivery' as const) : ('ok' as const),
  };
}

function windowClosed(rentalId: string, windowIndex: number, figures: WindowFigures): EventMessage {
  const from = new Date(startsAt.getTime() + windowIndex * windowSeconds * 1000);
  return deliveryWindowClosedV1.serialize(
    metadata(),
    { rentalId },
    {
      rentalId,
      windowIndex,
      startsAt: from.toISOString(),
      endsAt: new Date(from.getTime() + windowSeconds * 1000).toISOString(),
      contractedHashrate: String(contractedHashrate),
      window: measurement(figures.accepted, figures.estimate, figures.pValue),
      rejectedByReason: figures.rejected,
      poolDisagreements: 1,
      blockCandidates: 0,
      poolDownSeconds: figures.poolDown,
      rigConnectedSeconds: figures.connected,
      contractToDate: measurement(figures.accepted, figures.toDate, figures.pValue),
    },
  );
}

const first: WindowFigures = {
  accepted: 120,
  rejected: { duplicate: 2, stale: 1 },
  poolDown: 30,
  connected: 0,
  estimate: 0.95e12,
  toDate: 0.95e12,
  pValue: 0.3,
};
const second: WindowFigures = {
  accepted: 80,
  rejected: { duplicate: 4 },
  poolDown: 0,
  connected: 600,
  estimate: 0.6e12,
  toDate: 0.78e12,
  pValue: 0.004,
};

describe('delivery evidence over HTTP, read from the real broker', () => {
  let app: NestFastifyApplication;
  let producer: Producer;
  let renter: TestAccount;
  let provider: TestAccount;
  let otherRenter: TestAccount;
  let otherProvider: TestAccount;
  let adminToken: string;
  const rentalId = randomUUID();
  const http = () => request(app.getHttpServer());
  const summaryPath = `/v1/rentals/${rentalId}/delivery`;
  const windowsPath = `${summaryPath}/windows`;
  const firstWindow = windowClosed(rentalId, 0, first);

  const publish = async (topic: string, ...messages: EventMessage[]) => {
    await producer.send({ topic, acks: -1, messages });
  };

  /** Polls the summary as an admin until it shows what the test waits for. */
  const summaryWhen = (what: string, ready: (summary: DeliverySummaryView) => boolean) =>
    waitFor(
      async () => {
        const response = await http().get(summaryPath).set(bearer(adminToken));
        const summary = response.body as DeliverySummaryView;
        return response.status === 200 && ready(summary) && summary;
      },
      { what, timeoutMs: 60_000 },
    );

  beforeAll(async () => {
    producer = kafkaTestClient(`rental-delivery-it-${randomUUID().slice(0, 8)}`).producer({ idempotent: true });
    await producer.connect();
    app = await startConsumingGateway();
    [renter, provider, otherRenter, otherProvider] = await Promise.all([
      signUp(app, 'renter'),
      signUp(app, 'provider'),
      signUp(app, 'renter', 'other-renter'),
      signUp(app, 'provider', 'other-provider'),
    ]);
    adminToken = (await seedAndLogInAdmin(app, 'delivery-admin')).accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
  });

  it('shows evidence that arrives before the activation to admins only', async () => {
    await publish(deliveryWindowClosedV1.topic, firstWindow);
    // The clear of a flag raised in window 0 overtakes the raise itself (another topic).
    await publish(
      contractFlagClearedV1.topic,
      contractFlagClearedV1.serialize(
        metadata(),
        { rentalId },
        { rentalId, cause: 'provider-silent', windowIndex: 1, clearedAt: minute(21) },
      ),
    );
    const early = await summaryWhen('the first window', (summary) => summary.totals.windowsClosed === 1);
    expect(early).toMatchObject({
      rentalId,
      contractedHashrate: String(contractedHashrate),
      startsAt: null,
      endsAt: null,
      flags: { open: [], cleared: [] },
    });
    for (const party of [renter, provider]) {
      await http().get(summaryPath).set(bearer(party.accessToken)).expect(404);
      await http().get(windowsPath).set(bearer(party.accessToken)).expect(404);
    }
  });

  it('applies the activation, counts a window delivered twice once, and pairs flags arriving in any order', async () => {
    const firstAgain = windowClosed(rentalId, 0, { ...first, accepted: 999, rejected: { malformed: 50 } });
    const activation = rentalActivatedV1.serialize(
      metadata(),
      { rentalId },
      {
        rentalId,
        listingId: randomUUID(),
        providerId: provider.id,
        renterId: renter.id,
        algorithm: 'sha256d',
        hashrate: String(contractedHashrate),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        price: { amountMinor: 125_000, currency: 'USD' },
        stratum: {
          credential: `hp_${rentalId.replaceAll('-', '')}`,
          pool: { url: 'stratum+tcp://pool.example.test:3333', worker: 'renter.rig1', password: 'x' },
        },
      },
    );
    await publish(rentalActivatedV1.topic, activation, activation);
    // Window 0's event delivered again, and window 0 reported again under a new event id with other
    // figures, both ahead of window 1 on the rental's partition: once window 1 shows, both were consumed.
    await publish(deliveryWindowClosedV1.topic, firstWindow, firstAgain, windowClosed(rentalId, 1, second));
    await publish(
      contractFlaggedV1.topic,
      contractFlaggedV1.serialize(
        metadata(),
        { rentalId },
        {
          rentalId,
          cause: 'provider-silent',
          windowIndex: 0,
          raisedAt: minute(11),
          evidence: { rigConnectedSeconds: 0 },
        },
      ),
      contractFlaggedV1.serialize(
        metadata(),
        { rentalId },
        {
          rentalId,
          cause: 'under-delivery-review',
          windowIndex: 1,
          raisedAt: minute(21),
          evidence: { pValue: second.pValue },
        },
      ),
    );
    const summary = await summaryWhen(
      'the activation, window 1 and both flags',
      (current) =>
        current.startsAt !== null &&
        current.totals.windowsClosed === 2 &&
        current.flags.open.length + current.flags.cleared.length === 2,
    );
    expect(summary).toEqual({
      rentalId,
      contractedHashrate: String(contractedHashrate),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      contractToDate: { ...measurement(second.accepted, second.toDate, second.pValue), windowIndex: 1 },
      totals: {
        windowsClosed: 2,
        acceptedShares: first.accepted + second.accepted,
        rejectedByReason: { duplicate: 6, stale: 1 },
        poolDownSeconds: 30,
        rigConnectedSeconds: 600,
      },
      flags: {
        open: [
          {
            cause: 'under-delivery-review',
            windowIndex: 1,
            raisedAt: minute(21),
            evidence: { pValue: second.pValue },
          },
        ],
        cleared: [
          {
            cause: 'provider-silent',
            windowIndex: 0,
            raisedAt: minute(11),
            evidence: { rigConnectedSeconds: 0 },
            clearedInWindow: 1,
            clearedAt: minute(21),
          },
        ],
      },
    });
  });

  it('lists closed windows newest first, a page at a time', async () => {
    const page = async (query: Record<string, string | number>) =>
      (await http().get(windowsPath).query(query).set(bearer(renter.accessToken)).expect(200)).body as {
        items: DeliveryWindowView[];
        nextCursor: string | null;
      };
    const newest = await page({ limit: 1 });
    expect(newest.items).toEqual([
      {
        windowIndex: 1,
        startsAt: minute(10),
        endsAt: minute(20),
        closedAt: expect.any(String),
        window: measurement(second.accepted, second.estimate, second.pValue),
        rejectedByReason: { duplicate: 4 },
        poolDisagreements: 1,
        blockCandidates: 0,
        poolDownSeconds: 0,
        rigConnectedSeconds: 600,
        contractToDate: measurement(second.accepted, second.toDate, second.pValue),
      },
    ]);
    const oldest = await page({ limit: 1, cursor: newest.nextCursor ?? '' });
    expect(oldest.items.map((item) => [item.windowIndex, item.window.acceptedShares])).toEqual([[0, first.accepted]]);
    expect(oldest.nextCursor).toBeNull();
    expect((await page({})).items.map((item) => item.windowIndex)).toEqual([1, 0]);
  });

  it('shows a rental to its renter, its provider (by token or API key) and admins; anyone else gets 404', async () => {
    const key = (
      await http().post('/v1/api-keys').set(bearer(provider.accessToken)).send({ name: 'evidence bot' }).expect(201)
    ).body as { key: string };
    for (const path of [summaryPath, windowsPath]) {
      for (const token of [renter.accessToken, provider.accessToken, adminToken]) {
        await http().get(path).set(bearer(token)).expect(200);
      }
      await http().get(path).set('x-api-key', key.key).expect(200);
      for (const stranger of [otherRenter, otherProvider]) {
        const response = await http().get(path).set(bearer(stranger.accessToken));
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ type: 'urn:hashproof:problem:rental-not-found' });
        expect(JSON.stringify(response.body)).not.toContain('totals');
      }
    }
    // The same answer as for a rental nobody has heard of.
    const unknown = await http().get(`/v1/rentals/${randomUUID()}/delivery`).set(bearer(adminToken));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: 'urn:hashproof:problem:rental-not-found' });
  });

  it('needs authentication and refuses malformed ids and cursors', async () => {
    await http().get(summaryPath).expect(401);
    await http().get(windowsPath).expect(401);
    await http().get('/v1/rentals/not-a-uuid/delivery').set(bearer(adminToken)).expect(400);
    const forged = await http().get(windowsPath).query({ cursor: 'bm90LWEtY3Vyc29y' }).set(bearer(adminToken));
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ type: 'urn:hashproof:problem:invalid-cursor' });
    await http().get(windowsPath).query({ limit: 1000 }).set(bearer(adminToken)).expect(400);
  });
});
