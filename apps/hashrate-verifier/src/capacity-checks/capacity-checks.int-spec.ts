import { type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  capacityCheckCompletedV1,
  capacityCheckRequestedV1,
  connectionChangedV1,
  contractFlagClearedV1,
  contractFlaggedV1,
  deliveryWindowClosedV1,
  type EventOf,
  rentalActivatedV1,
  rentalStatusChangedV1,
  shareJudgedV1,
} from '@hashproof/events';
import {
  connectAsAdmin,
  freePort,
  kafkaTestClient,
  runRig,
  ServiceProcess,
  startDevPool,
  stopProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  waitFor,
} from '@hashproof/testing';
import type { Admin, Producer } from 'kafkajs';
import type { Client } from 'pg';
import { verifiedHashrate } from './capacity-check-outcome';

jest.setTimeout(240_000);

// The pool holds every share at 2^-22 (1024 hashes), and the verifier's vardiff never goes above the pool's:
// a rig at the claim finds 8 shares a second, 360 in a 45-second run, and at α = 0.001 a run of 302 or fewer
// fails. The honest rig mines 1.5 × the claim (a prudent provider claims less than its rigs do), ~540 shares:
// even after losing its first 10 s to start-up it fails with probability < 1e-9. The halved rig's ~180
// shares pass with probability < 1e-13.
const CLAIMED = 8192n;
const HONEST_RIG_HASHRATE = 12_288;
const CHECK_SECONDS = 45;
const START_LEAD_MS = 10_000;
const WINDOW_SECONDS = 15;
const POOL_ARGS = [
  ...['--start-difficulty', '2^-22', '--min-difficulty', '2^-22', '--max-difficulty', '2^-22'],
  // No new block during a run: a share racing a clean_jobs notify would be a legitimate stale.
  ...['--job-interval-ms', '600000'],
];

// A stable group, started at the end of every topic the verifier reads: replaying other tests' activations
// and evidence would only delay this test's.
const group = 'hashrate-verifier-capacity-checks-it';
const subscribedTopics = [rentalActivatedV1.topic, rentalStatusChangedV1.topic, capacityCheckRequestedV1.topic];
// The verifier applies the evidence topics in a consumer group of its own, `<its group>.evidence`.
const evidenceGroup = `${group}.evidence`;
const evidenceTopics = [shareJudgedV1.topic, connectionChangedV1.topic];
const runId = randomUUID().slice(0, 8);
const kafka = kafkaTestClient(`capacity-checks-it-${runId}`);
const rentalTopics = [deliveryWindowClosedV1.topic, contractFlaggedV1.topic, contractFlagClearedV1.topic];

type Offsets = Map<string, { partition: number; offset: string }[]>;
type CompletedEvent = EventOf<typeof capacityCheckCompletedV1>;

interface Check {
  readonly checkId: string;
  readonly providerId: string;
  readonly credential: string;
  readonly requestEventId: string;
}

describe('capacity checks through the real broker, the verifier process, a dev pool and rig processes', () => {
  let producer: Producer;
  let admin: Admin;
  let db: Client;
  let pool: ChildProcess;
  let poolUrl = '';
  let stratumPort = 0;
  let verifier: ServiceProcess;

  beforeAll(async () => {
    const poolPort = await freePort();
    pool = await startDevPool(poolPort, POOL_ARGS);
    poolUrl = `stratum+tcp://127.0.0.1:${poolPort}`;
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    db = await connectAsAdmin();
    await waitFor(
      async () =>
        (await admin.describeGroups([group, evidenceGroup])).groups.every((described) =>
          ['Empty', 'Dead'].includes(described.state),
        ),
      {
        what: 'an earlier run of the verifier to leave its consumer groups',
      },
    );
    for (const [groupId, topics] of [
      [group, subscribedTopics],
      [evidenceGroup, evidenceTopics],
    ] as const) {
      for (const [topic, partitions] of await offsetsOf(topics)) await admin.setOffsets({ groupId, topic, partitions });
    }
    stratumPort = await freePort();
    verifier = new ServiceProcess(
      'hashrate-verifier',
      {
        DATABASE_URL: testDatabaseUrl('verifier'),
        KAFKA_BROKERS: testKafkaBrokers,
        KAFKA_CONSUMER_GROUP: group,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        OUTBOX_POLL_INTERVAL_MS: '100',
        DELIVERY_WINDOW_SECONDS: String(WINDOW_SECONDS),
        DELIVERY_WINDOW_GRACE_SECONDS: '10',
        // Below what either rig finds at the pool's difficulty, so vardiff never moves them off it: a retarget
        // re-sends the job, and the simulator would mine it again from its first nonce (duplicates).
        STRATUM_TARGET_SHARES_PER_MINUTE: '120',
        LOG_LEVEL: 'warn',
        STRATUM_PORT: String(stratumPort),
      },
      await freePort(),
    );
    await verifier.start();
  });

  afterAll(async () => {
    await verifier?.stop();
    if (pool) await stopProcess(pool);
    await Promise.all([producer?.disconnect(), admin?.disconnect(), db?.end()]);
  });

  async function request(startsAt: Date): Promise<Check> {
    const check = {
      checkId: randomUUID(),
      providerId: randomUUID(),
      credential: `hp_${randomUUID().replaceAll('-', '')}`,
      requestEventId: randomUUID(),
    };
    const message = capacityCheckRequestedV1.serialize(
      {
        eventId: check.requestEventId,
        occurredAt: new Date().toISOString(),
        correlationId: `capacity-checks-it-${runId}`,
        causationId: null,
        producer: 'capacity-checks-it',
      },
      { providerId: check.providerId },
      {
        checkId: check.checkId,
        providerId: check.providerId,
        claimedHashrate: CLAIMED.toString(),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + CHECK_SECONDS * 1000).toISOString(),
        stratum: {
          credential: check.credential,
          pool: { url: poolUrl, worker: `provider.${check.checkId.slice(0, 8)}`, password: 'x' },
        },
      },
    );
    await producer.send({ topic: capacityCheckRequestedV1.topic, messages: [message] });
    return check;
  }

  /** A rig mining under the check's credential through the verifier's endpoint until just after the run. */
  const mine = (check: Check, hashrate: number, ...extra: string[]) =>
    runRig(
      [
        ...['--url', `stratum+tcp://127.0.0.1:${stratumPort}`, '--worker', check.credential],
        ...['--hashrate', String(hashrate), '--duration-seconds', String(CHECK_SECONDS + 3), ...extra],
      ],
      (CHECK_SECONDS + 30) * 1000,
    );

  async function count(sql: string, params: unknown[]): Promise<number> {
    const { rows } = await db.query<{ count: string }>(sql, params);
    return Number(rows[0]?.count);
  }

  async function offsetsOf(topics: readonly string[]): Promise<Offsets> {
    const offsets: Offsets = new Map();
    for (const topic of topics) {
      const partitions = await admin.fetchTopicOffsets(topic);
      offsets.set(
        topic,
        partitions.map(({ partition, high }) => ({ partition, offset: high })),
      );
    }
    return offsets;
  }

  /** Every message on the topics from `from` up to their current ends, read back from the broker. */
  async function publishedSince(from: Offsets): Promise<{ topic: string; key: string; value: string }[]> {
    const until = await offsetsOf([...from.keys()]);
    const startOf = (topic: string, partition: number) =>
      BigInt(from.get(topic)?.find((p) => p.partition === partition)?.offset ?? '0');
    const endOf = (topic: string, partition: number) =>
      BigInt(until.get(topic)?.find((p) => p.partition === partition)?.offset ?? '0');
    const pending = new Set<string>();
    for (const [topic, partitions] of until) {
      for (const { partition } of partitions) {
        if (endOf(topic, partition) > startOf(topic, partition)) pending.add(`${topic}:${partition}`);
      }
    }
    // By position: a seek that lands after a message was read delivers it again.
    const messages = new Map<string, { topic: string; key: string; value: string }>();
    if (pending.size === 0) return [];
    const reader = kafka.consumer({ groupId: `capacity-checks-it-reader-${randomUUID()}` });
    await reader.connect();
    try {
      await reader.subscribe({ topics: [...from.keys()], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ topic, partition, message }) => {
          const offset = BigInt(message.offset);
          if (offset < startOf(topic, partition) || offset >= endOf(topic, partition)) return;
          messages.set(`${topic}:${partition}:${offset}`, {
            topic,
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
          });
          if (offset === endOf(topic, partition) - 1n) pending.delete(`${topic}:${partition}`);
        },
      });
      // Straight to this test's offsets (anything read before the seek lands is older, and skipped above).
      for (const [topic, partitions] of from) {
        for (const { partition, offset } of partitions) reader.seek({ topic, partition, offset });
      }
      await waitFor(async () => pending.size === 0, { timeoutMs: 60_000, what: 'the topics to be read to their end' });
    } finally {
      await reader.disconnect();
    }
    return [...messages.values()];
  }

  it('passes an honest rig, fails one delivering half its claim and one that never came, and tells no renter', async () => {
    await waitFor(async () => (await admin.describeGroups([group])).groups[0]?.state === 'Stable', {
      what: 'the verifier to join its consumer group',
    });
    const before = await offsetsOf([...rentalTopics, capacityCheckCompletedV1.topic]);

    // The run starts shortly after the request, once the verifier has surely admitted the checks, and the rigs
    // start with it: the run's time is then all theirs, however long the broker took to deliver the request.
    const startsAt = new Date(Date.now() + START_LEAD_MS);
    const [honest, halved, absent] = await Promise.all([request(startsAt), request(startsAt), request(startsAt)]);
    const ids = [honest.checkId, halved.checkId, absent.checkId];
    await waitFor(
      async () => (await count('SELECT count(*) FROM verifier.capacity_checks WHERE check_id = ANY($1)', [ids])) === 3,
      { what: 'the verifier to admit the three checks' },
    );
    await sleep(Math.max(0, startsAt.getTime() - Date.now()));
    const [honestRig, halvedRig] = await Promise.all([
      mine(honest, HONEST_RIG_HASHRATE),
      mine(halved, Number(CLAIMED), '--cheat', 'underdeliver=0.5'),
    ]);
    expect(honestRig.rejectedByCode).toEqual({});
    expect(honestRig.accepted).toBeGreaterThan(300);
    expect(halvedRig.rejectedByCode).toEqual({});

    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) FROM verifier.outbox_messages
            WHERE topic = $1 AND published_at IS NOT NULL AND (payload::jsonb -> 'value' ->> 'checkId') = ANY($2)`,
          [capacityCheckCompletedV1.topic, ids],
        )) === 3,
      { timeoutMs: 120_000, intervalMs: 500, what: 'the three checks to complete and their outcomes to be published' },
    );

    const published = await publishedSince(before);
    const completed = published
      .filter((message) => message.topic === capacityCheckCompletedV1.topic)
      .map((message) => capacityCheckCompletedV1.deserialize(message.value))
      .filter((event) => ids.includes(event.value.checkId));
    const outcomeOf = (check: Check): CompletedEvent => {
      const events = completed.filter((event) => event.value.checkId === check.checkId);
      expect(events).toHaveLength(1);
      const [event] = events;
      if (!event) throw new Error(`no outcome for ${check.checkId}`);
      expect(event.key).toEqual({ providerId: check.providerId });
      expect(event).toMatchObject({ correlationId: `capacity-checks-it-${runId}`, causationId: check.requestEventId });
      expect(event.value).toMatchObject({ providerId: check.providerId, claimedHashrate: CLAIMED.toString() });
      return event;
    };

    const pass = outcomeOf(honest).value;
    expect(pass).toMatchObject({ passed: true, judgement: { verdict: 'ok' } });
    expect(BigInt(pass.verifiedHashrate)).toBeGreaterThan(0n);
    expect(BigInt(pass.verifiedHashrate)).toBeLessThanOrEqual(CLAIMED);
    expect(pass.verifiedHashrate).toBe(verifiedHashrate(CLAIMED.toString(), pass.judgement.lower));
    expect(pass.judgement.acceptedShares).toBeGreaterThan(300);

    const fail = outcomeOf(halved).value;
    expect(fail).toMatchObject({ passed: false, verifiedHashrate: '0', judgement: { verdict: 'under-delivery' } });
    expect(fail.judgement.estimatedHashrate).toBeLessThan(0.75 * Number(CLAIMED));

    const noShow = outcomeOf(absent).value;
    expect(noShow).toMatchObject({
      passed: false,
      verifiedHashrate: '0',
      judgement: { verdict: 'insufficient-data', acceptedShares: 0, pValue: null },
    });

    // Not a word on the rental topics, but every window is kept as evidence, flags included.
    expect(published.filter((message) => rentalTopics.includes(message.topic) && ids.includes(message.key))).toEqual(
      [],
    );
    expect(
      await count('SELECT count(*) FROM verifier.outbox_messages WHERE topic = ANY($1) AND message_key = ANY($2)', [
        rentalTopics,
        ids,
      ]),
    ).toBe(0);
    const windows = CHECK_SECONDS / WINDOW_SECONDS;
    for (const id of ids) {
      expect(
        await count('SELECT count(*) FROM verifier.delivery_windows WHERE rental_id = $1 AND closed_at IS NOT NULL', [
          id,
        ]),
      ).toBe(windows);
    }
    expect(
      await count(`SELECT count(*) FROM verifier.contract_flags WHERE rental_id = $1 AND cause = 'provider-silent'`, [
        absent.checkId,
      ]),
    ).toBe(1);
    const { rows } = await db.query<{ check_id: string; passed: boolean; verified_hashrate: string }>(
      'SELECT check_id, passed, verified_hashrate FROM verifier.capacity_checks WHERE check_id = ANY($1)',
      [ids],
    );
    expect(Object.fromEntries(rows.map((row) => [row.check_id, [row.passed, row.verified_hashrate]]))).toEqual({
      [honest.checkId]: [true, pass.verifiedHashrate],
      [halved.checkId]: [false, '0'],
      [absent.checkId]: [false, '0'],
    });
  });
});
