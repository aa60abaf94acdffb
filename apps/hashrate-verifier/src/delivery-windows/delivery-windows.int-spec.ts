import { randomUUID } from 'node:crypto';
import { connectionChangedV1, type EventMetadata, rentalActivatedV1, shareJudgedV1 } from '@hashproof/events';
import { HASHES_PER_DIFFICULTY_ONE } from '@hashproof/hashrate';
import {
  connectAsAdmin,
  consumerGroupAtTopicEnds,
  freePort,
  kafkaTestClient,
  ServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  waitFor,
} from '@hashproof/testing';
import type { Admin, Producer } from 'kafkajs';
import type { Client } from 'pg';

jest.setTimeout(120_000);

const contractedHashrate = 1e12;
const sharesPerSecond = 50;
const difficulty = contractedHashrate / (HASHES_PER_DIFFICULTY_ONE * sharesPerSecond);
const windowSeconds = 2;
const kafka = kafkaTestClient(`delivery-windows-it-${randomUUID().slice(0, 8)}`);

const metadata = (): EventMetadata => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  correlationId: 'delivery-windows-it',
  causationId: null,
  producer: 'delivery-windows-it',
});

// A stable group, started at the end of every topic the verifier reads: a fresh one would re-read every
// activation other tests ever published, each a week-long contract that two-second windows would turn into a
// backlog of closes, and every status change, behind which this test's activations would arrive too late.
const group = 'hashrate-verifier-windows-it';
// The evidence topics are consumed in a group of their own: that is the one to rewind.
const evidenceGroup = `${group}.evidence`;
const evidenceTopics = [shareJudgedV1.topic, connectionChangedV1.topic];

async function startVerifier(): Promise<ServiceProcess> {
  const verifier = new ServiceProcess(
    'hashrate-verifier',
    {
      DATABASE_URL: testDatabaseUrl('verifier'),
      KAFKA_BROKERS: testKafkaBrokers,
      KAFKA_CONSUMER_GROUP: group,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      DELIVERY_WINDOW_SECONDS: String(windowSeconds),
      DELIVERY_WINDOW_GRACE_SECONDS: '0.5',
      LOG_LEVEL: 'warn',
      STRATUM_PORT: String(await freePort()),
    },
    await freePort(),
  );
  await verifier.start();
  return verifier;
}

interface ClosedWindow {
  window_index: number;
  shares: number;
  judgement: {
    window: { verdict: string };
    contractToDate: { verdict: string };
    poolDownSeconds: number;
    measuredSeconds: number;
  };
}

describe('delivery windows from judged shares on the real broker', () => {
  let producer: Producer;
  let admin: Admin;
  let db: Client;
  let verifier: ServiceProcess;
  // Laid once the verifier is up, however long it took to start: windows that ran out meanwhile would close silent.
  let startsAt = new Date();
  let endsAt = new Date();
  const honest = randomUUID();
  const short = randomUUID();
  const startOffsets = new Map<string, { partition: number; offset: string }[]>();

  beforeAll(async () => {
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    db = await connectAsAdmin();
    await consumerGroupAtTopicEnds(group);
    await consumerGroupAtTopicEnds(evidenceGroup);
    verifier = await startVerifier();
  });

  afterAll(async () => {
    await verifier?.stop();
    await Promise.all([producer?.disconnect(), admin?.disconnect(), db?.end()]);
  });

  async function activate(rentalId: string): Promise<void> {
    const message = rentalActivatedV1.serialize(
      metadata(),
      { rentalId },
      {
        rentalId,
        listingId: randomUUID(),
        providerId: randomUUID(),
        renterId: randomUUID(),
        algorithm: 'sha256d',
        hashrate: String(contractedHashrate),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        price: { amountMinor: 1000, currency: 'USD' },
        stratum: {
          credential: `hp_${rentalId.replaceAll('-', '')}`,
          pool: { url: 'stratum+tcp://127.0.0.1:3334', worker: 'renter.test', password: 'x' },
        },
      },
    );
    await producer.send({ topic: rentalActivatedV1.topic, messages: [message] });
  }

  /** `count` shares spread over [fromSecond, toSecond) of the contract; valid unless a reason is given. */
  function shares(
    rentalId: string,
    fromSecond: number,
    toSecond: number,
    count: number,
    reason: 'duplicate' | null = null,
  ) {
    return Array.from({ length: count }, (_, i) => {
      const judgedAt = new Date(
        startsAt.getTime() + (fromSecond + ((toSecond - fromSecond) * (i + 0.5)) / count) * 1000,
      );
      return shareJudgedV1.serialize(
        metadata(),
        { rentalId },
        {
          connectionId: 'rig-1',
          judgedAt: judgedAt.toISOString(),
          valid: reason === null,
          reason,
          assignedDifficulty: difficulty,
          achievedDifficulty: difficulty * 2,
          hash: null,
          forwarded: false,
          poolVerdict: null,
          blockCandidate: false,
        },
      );
    });
  }

  function connection(
    rentalId: string,
    second: number,
    kind: 'rig-connected' | 'pool-disconnected' | 'pool-connected',
  ) {
    return connectionChangedV1.serialize(
      metadata(),
      { rentalId },
      {
        connectionId: 'rig-1',
        at: new Date(startsAt.getTime() + second * 1000).toISOString(),
        kind,
        detail: null,
      },
    );
  }

  async function countedShares(rentalId: string): Promise<number> {
    const { rows } = await db.query<{ total: string | null }>(
      'SELECT sum(shares) AS total FROM verifier.delivery_windows WHERE rental_id = $1',
      [rentalId],
    );
    return Number(rows[0]?.total ?? 0);
  }

  async function closedWindows(rentalId: string): Promise<ClosedWindow[]> {
    const { rows } = await db.query<ClosedWindow>(
      `SELECT window_index, shares, judgement FROM verifier.delivery_windows
       WHERE rental_id = $1 AND closed_at IS NOT NULL ORDER BY window_index`,
      [rentalId],
    );
    return rows;
  }

  it('judges each window and the contract to date, holds pool outages against the renter, and survives a restart', async () => {
    startsAt = new Date(Date.now() + 5_000);
    endsAt = new Date(startsAt.getTime() + 3 * windowSeconds * 1000);
    for (const topic of evidenceTopics) startOffsets.set(topic, await admin.fetchTopicOffsets(topic));
    await Promise.all([activate(honest), activate(short)]);
    await waitFor(
      async () =>
        (
          await db.query('SELECT 1 FROM verifier.delivery_contracts WHERE rental_id = ANY($1::uuid[])', [
            [honest, short],
          ])
        ).rowCount === 2,
      { what: 'both contracts to reach the verifier' },
    );

    // Honest: full rate, except that the renter's pool is down for the second half of the last window.
    await producer.send({
      topic: connectionChangedV1.topic,
      messages: [
        connection(honest, 0, 'rig-connected'),
        connection(honest, 5, 'pool-disconnected'),
        connection(short, 0, 'rig-connected'),
      ],
    });
    await producer.send({
      topic: shareJudgedV1.topic,
      messages: [
        ...shares(honest, 0, 4, 200),
        ...shares(honest, 4, 5, 50),
        ...shares(short, 0, 6, 210),
        ...shares(short, 0, 2, 5, 'duplicate'),
      ],
    });
    await waitFor(async () => (await countedShares(honest)) === 250 && (await countedShares(short)) === 210, {
      what: 'every share to be counted',
    });

    // Crash, rewind the group to before this test's evidence, and come back: everything is read twice.
    await verifier.crash();
    await waitFor(async () => (await admin.describeGroups([evidenceGroup])).groups[0]?.state === 'Empty', {
      timeoutMs: 30_000,
      what: 'the crashed consumer to leave its group',
    });
    for (const [topic, partitions] of startOffsets) {
      await admin.setOffsets({ groupId: evidenceGroup, topic, partitions });
    }
    verifier = await startVerifier();

    const honestWindows = await waitFor(
      async () => {
        const windows = await closedWindows(honest);
        return windows.length === 3 && windows;
      },
      { timeoutMs: 60_000, what: 'the honest contract’s three windows to close' },
    );
    const shortWindows = await waitFor(
      async () => {
        const windows = await closedWindows(short);
        return windows.length === 3 && windows;
      },
      { timeoutMs: 60_000, what: 'the short contract’s three windows to close' },
    );

    expect(honestWindows.map((w) => w.shares)).toEqual([100, 100, 50]);
    expect(honestWindows.map((w) => w.judgement.window.verdict)).toEqual(['ok', 'ok', 'ok']);
    expect(honestWindows.map((w) => w.judgement.poolDownSeconds)).toEqual([0, 0, 1]);
    expect(honestWindows[2]?.judgement.measuredSeconds).toBe(1);
    expect(honestWindows[2]?.judgement.contractToDate.verdict).toBe('ok');

    expect(shortWindows.map((w) => w.shares)).toEqual([70, 70, 70]);
    expect(shortWindows[2]?.judgement.contractToDate.verdict).toBe('under-delivery');

    // The re-read after the restart counted nothing twice; every close was published once.
    expect(await countedShares(honest)).toBe(250);
    expect(await countedShares(short)).toBe(210);
    await waitFor(
      async () => {
        const again = await db.query<{ published: string }>(
          `SELECT count(*) AS published FROM verifier.outbox_messages
         WHERE topic = 'delivery.window-closed.v1' AND message_key = ANY($1::text[]) AND published_at IS NOT NULL`,
          [[honest, short]],
        );
        return Number(again.rows[0]?.published) === 6;
      },
      { what: 'six window-closed events to be published' },
    );
    await waitFor(
      async () => {
        const flagged = await db.query<{ published: string }>(
          `SELECT count(*) AS published FROM verifier.outbox_messages
         WHERE topic IN ('delivery.contract-flagged.v1', 'delivery.contract-flag-cleared.v1') AND message_key = $1 AND published_at IS NOT NULL`,
          [short],
        );
        return Number(flagged.rows[0]?.published) === 6;
      },
      { what: 'four flags and two clearances to be published' },
    );
  });
});
