import { type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  connectionChangedV1,
  deliveryMeasurementCompletedV1,
  type EventMessage,
  type EventMetadata,
  type EventValue,
  rentalActivatedV1,
  rentalStatusChangedV1,
  shareJudgedV1,
} from '@hashproof/events';
import { HASHES_PER_DIFFICULTY_ONE } from '@hashproof/hashrate';
import { JsonRpcClient } from '@hashproof/stratum-net';
import {
  connectAsAdmin,
  consumerGroupAtTopicEnds,
  freePort,
  kafkaTestClient,
  ServiceProcess,
  startDevPool,
  stopProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  waitFor,
} from '@hashproof/testing';
import type { Producer } from 'kafkajs';
import type { Client } from 'pg';

jest.setTimeout(180_000);

const contractedHashrate = 1e12;
const sharesPerSecond = 50;
const difficulty = contractedHashrate / (HASHES_PER_DIFFICULTY_ONE * sharesPerSecond);
const windowSeconds = 2;
/** Long enough for an activation to reach the verifier before the contract starts. */
const startLeadMs = 4_000;
const runId = randomUUID().slice(0, 8);
const kafka = kafkaTestClient(`rental-endings-it-${runId}`);

// A stable group, started at the end of every topic the verifier reads: replaying other tests' rentals and
// evidence would only delay this test's. The evidence topics are consumed in a group of their own.
const group = 'hashrate-verifier-rental-endings-it';
const evidenceGroup = `${group}.evidence`;

type StatusChange = Pick<EventValue<typeof rentalStatusChangedV1>, 'from' | 'to'>;
type Measurement = EventValue<typeof deliveryMeasurementCompletedV1>;

const metadata = (eventId: string = randomUUID()): EventMetadata => ({
  eventId,
  occurredAt: new Date().toISOString(),
  correlationId: `rental-endings-it-${runId}`,
  causationId: null,
  producer: 'rental-endings-it',
});

interface Rental {
  readonly rentalId: string;
  readonly credential: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** A moment `seconds` into the contract. */
  readonly at: (seconds: number) => Date;
}

const rental = (durationSeconds: number): Rental => {
  const rentalId = randomUUID();
  const startsAt = new Date(Date.now() + startLeadMs);
  return {
    rentalId,
    credential: `hp_${rentalId.replaceAll('-', '')}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationSeconds * 1000),
    at: (seconds) => new Date(startsAt.getTime() + seconds * 1000),
  };
};

/**
 * Two replicas of the verifier in one group, as production runs them: they share the database and nothing else.
 * Whichever consumes an ending, the rigs on both are let go, and either may close a rental's last window.
 */
describe('rentals ended early, through the real broker, two verifier processes and a dev pool', () => {
  let producer: Producer;
  let db: Client;
  let pool: ChildProcess;
  let poolUrl = '';
  const replicas: { readonly process: ServiceProcess; readonly stratumPort: number }[] = [];

  async function startReplica(): Promise<void> {
    const stratumPort = await freePort();
    const replica = new ServiceProcess(
      'hashrate-verifier',
      {
        DATABASE_URL: testDatabaseUrl('verifier'),
        KAFKA_BROKERS: testKafkaBrokers,
        KAFKA_CONSUMER_GROUP: group,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        OUTBOX_POLL_INTERVAL_MS: '100',
        DELIVERY_WINDOW_SECONDS: String(windowSeconds),
        DELIVERY_WINDOW_GRACE_SECONDS: '0.5',
        LOG_LEVEL: 'warn',
        STRATUM_PORT: String(stratumPort),
      },
      await freePort(),
    );
    replicas.push({ process: replica, stratumPort });
    await replica.start();
  }

  beforeAll(async () => {
    const poolPort = await freePort();
    pool = await startDevPool(poolPort, ['--job-interval-ms', '600000']);
    poolUrl = `stratum+tcp://127.0.0.1:${poolPort}`;
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    db = await connectAsAdmin();
    await consumerGroupAtTopicEnds(group);
    await consumerGroupAtTopicEnds(evidenceGroup);
    await startReplica();
    await startReplica();
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () =>
          (await admin.describeGroups([group, evidenceGroup])).groups.every(
            (described) => described.state === 'Stable' && described.members.length === 2,
          ),
        { timeoutMs: 60_000, what: 'both replicas to join both consumer groups' },
      );
    } finally {
      await admin.disconnect();
    }
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.process.stop();
    if (pool) await stopProcess(pool);
    await Promise.all([producer?.disconnect(), db?.end()]);
  });

  function activation(of: Rental): EventMessage {
    return rentalActivatedV1.serialize(
      metadata(),
      { rentalId: of.rentalId },
      {
        rentalId: of.rentalId,
        listingId: randomUUID(),
        providerId: randomUUID(),
        renterId: randomUUID(),
        algorithm: 'sha256d',
        hashrate: String(contractedHashrate),
        startsAt: of.startsAt.toISOString(),
        endsAt: of.endsAt.toISOString(),
        price: { amountMinor: 1000, currency: 'USD' },
        stratum: { credential: of.credential, pool: { url: poolUrl, worker: 'renter.test', password: 'x' } },
      },
    );
  }

  function statusChange(of: Rental, change: StatusChange, at: Date, eventId?: string): EventMessage {
    return rentalStatusChangedV1.serialize(
      metadata(eventId),
      { rentalId: of.rentalId },
      { rentalId: of.rentalId, ...change, actor: 'admin:rental-endings-it', reason: null, at: at.toISOString() },
    );
  }

  /** `count` valid shares spread evenly over [fromSecond, toSecond) of the contract. */
  function shares(of: Rental, fromSecond: number, toSecond: number, count: number): EventMessage[] {
    return Array.from({ length: count }, (_, i) =>
      shareJudgedV1.serialize(
        metadata(),
        { rentalId: of.rentalId },
        {
          connectionId: 'rig-1',
          judgedAt: of.at(fromSecond + ((toSecond - fromSecond) * (i + 0.5)) / count).toISOString(),
          valid: true,
          reason: null,
          assignedDifficulty: difficulty,
          achievedDifficulty: difficulty * 2,
          hash: null,
          forwarded: false,
          poolVerdict: null,
          blockCandidate: false,
        },
      ),
    );
  }

  function connection(of: Rental, second: number, kind: 'rig-connected' | 'pool-disconnected'): EventMessage {
    return connectionChangedV1.serialize(
      metadata(),
      { rentalId: of.rentalId },
      { connectionId: 'rig-1', at: of.at(second).toISOString(), kind, detail: null },
    );
  }

  const send = (topic: string, messages: EventMessage[]) => producer.send({ topic, messages });

  async function activate(of: Rental): Promise<void> {
    await send(rentalActivatedV1.topic, [activation(of)]);
    await waitFor(async () => (await contractOf(of)) !== null, { what: `the activation of ${of.rentalId}` });
  }

  async function contractOf(of: Rental): Promise<{ endsAt: Date; revokedAt: Date | null } | null> {
    const { rows } = await db.query<{ ends_at: Date; revoked_at: Date | null }>(
      `SELECT contract.ends_at, credential.revoked_at FROM verifier.delivery_contracts contract
         JOIN verifier.stratum_credentials credential USING (rental_id) WHERE rental_id = $1`,
      [of.rentalId],
    );
    const row = rows[0];
    return row ? { endsAt: row.ends_at, revokedAt: row.revoked_at } : null;
  }

  async function endsAtBecomes(of: Rental, endsAt: Date): Promise<void> {
    await waitFor(async () => (await contractOf(of))?.endsAt.getTime() === endsAt.getTime(), {
      what: `the contract of ${of.rentalId} to end at ${endsAt.toISOString()}`,
    });
  }

  async function processed(eventId: string): Promise<number> {
    const { rows } = await db.query<{ count: string }>(
      'SELECT count(*) FROM verifier.processed_events WHERE event_id = $1',
      [eventId],
    );
    return Number(rows[0]?.count);
  }

  async function measurementsOf(of: Rental): Promise<{ value: Measurement; published: boolean }[]> {
    const { rows } = await db.query<{ payload: string; published_at: Date | null }>(
      'SELECT payload, published_at FROM verifier.outbox_messages WHERE topic = $1 AND message_key = $2',
      [deliveryMeasurementCompletedV1.topic, of.rentalId],
    );
    return rows.map((row) => ({
      value: deliveryMeasurementCompletedV1.deserialize(row.payload).value,
      published: row.published_at !== null,
    }));
  }

  /** The one measurement of the rental, once published; still the only one a few closer beats later. */
  async function theMeasurementOf(of: Rental): Promise<Measurement> {
    await waitFor(async () => (await measurementsOf(of)).some((measurement) => measurement.published), {
      timeoutMs: 60_000,
      what: `the measurement of ${of.rentalId} to be published`,
    });
    await sleep(2_000);
    const measurements = await measurementsOf(of);
    expect(measurements).toHaveLength(1);
    const [measurement] = measurements;
    if (!measurement) throw new Error(`no measurement of ${of.rentalId}`);
    return measurement.value;
  }

  async function closedWindowsOf(of: Rental): Promise<{ shares: number; starts_at: Date; ends_at: Date }[]> {
    const { rows } = await db.query<{ shares: number; starts_at: Date; ends_at: Date }>(
      `SELECT shares, starts_at, ends_at FROM verifier.delivery_windows
        WHERE rental_id = $1 AND closed_at IS NOT NULL ORDER BY window_index`,
      [of.rentalId],
    );
    return rows;
  }

  async function countedShares(of: Rental): Promise<number> {
    const { rows } = await db.query<{ total: string | null }>(
      'SELECT sum(shares) AS total FROM verifier.delivery_windows WHERE rental_id = $1',
      [of.rentalId],
    );
    return Number(rows[0]?.total ?? 0);
  }

  /** A rig's handshake through a replica's endpoint under the rental's credential. */
  async function authorize(
    of: Rental,
    replica = 0,
  ): Promise<{ client: JsonRpcClient; result: unknown; error: unknown }> {
    const client = await JsonRpcClient.connect({ host: '127.0.0.1', port: replicas[replica]?.stratumPort ?? 0 });
    await client.request('mining.subscribe', ['rental-endings-it']);
    const reply = await client.request('mining.authorize', [of.credential, 'x']);
    return { client, result: reply.result, error: reply.error };
  }

  it('refuses a terminated rental’s credential and lets its rigs go within seconds on every replica', async () => {
    const terminated = rental(3_600);
    await activate(terminated);
    await sleep(Math.max(0, terminated.startsAt.getTime() - Date.now()));
    const rigs = await Promise.all(replicas.map((_, replica) => authorize(terminated, replica)));
    const letGo = rigs.map(
      (rig) => new Promise<number>((resolve) => rig.client.once('close', () => resolve(Date.now()))),
    );
    expect(rigs.map((rig) => [rig.result, rig.error])).toEqual([
      [true, null],
      [true, null],
    ]);

    const terminatedAt = new Date();
    await send(rentalStatusChangedV1.topic, [
      statusChange(terminated, { from: 'active', to: 'terminated' }, terminatedAt),
    ]);
    const goneAt = await Promise.race([
      Promise.all(letGo),
      sleep(15_000).then(() => Promise.reject(new Error('a rig was never let go'))),
    ]);
    // The status change's way through the broker, then at most one beat of each endpoint's contract-end watch.
    for (const at of goneAt) expect(at - terminatedAt.getTime()).toBeLessThan(8_000);
    expect(await contractOf(terminated)).toEqual({ endsAt: terminatedAt, revokedAt: terminatedAt });

    for (const replica of replicas.keys()) {
      const again = await authorize(terminated, replica);
      expect([again.result, again.error]).toEqual([false, [24, expect.any(String), null]]);
      again.client.destroy();
    }

    const measurement = await theMeasurementOf(terminated);
    expect(measurement).toMatchObject({
      startsAt: terminated.startsAt.toISOString(),
      endsAt: terminatedAt.toISOString(),
      windows: Math.ceil((terminatedAt.getTime() - terminated.startsAt.getTime()) / (windowSeconds * 1000)),
    });
    expect(measurement.rigConnectedSeconds).toBeGreaterThan(0);
  });

  it('cuts the last window of a rental cancelled mid-way at the cancellation, counts nothing after it, and completes it once', async () => {
    const cancelled = rental(20);
    await activate(cancelled);
    // Cancelled 5 s in, in the middle of the third window: windows [0, 2), [2, 4) and [4, 5) remain.
    await send(rentalStatusChangedV1.topic, [
      statusChange(cancelled, { from: 'active', to: 'cancelled' }, cancelled.at(5)),
    ]);
    await endsAtBecomes(cancelled, cancelled.at(5));

    // Full rate until the renter's pool goes down 4.5 s in; then shares after the end, which count nowhere.
    await send(connectionChangedV1.topic, [
      connection(cancelled, 0, 'rig-connected'),
      connection(cancelled, 4.5, 'pool-disconnected'),
    ]);
    await send(shareJudgedV1.topic, [...shares(cancelled, 0, 4.5, 225), ...shares(cancelled, 5, 7, 100)]);

    const measurement = await theMeasurementOf(cancelled);
    expect(measurement).toMatchObject({
      rentalId: cancelled.rentalId,
      startsAt: cancelled.startsAt.toISOString(),
      endsAt: cancelled.at(5).toISOString(),
      contractedHashrate: String(contractedHashrate),
      windows: 3,
      measuredSeconds: 4.5,
      poolDownSeconds: 0.5,
      rigConnectedSeconds: 5,
      acceptedShares: 225,
      verdict: 'ok',
    });
    expect(measurement.deliveredWork).toBeCloseTo(225 * difficulty, 12);
    expect(measurement.estimatedHashrate).toBeCloseTo(contractedHashrate, -9);

    const windows = await closedWindowsOf(cancelled);
    expect(windows.map((window) => window.shares)).toEqual([100, 100, 25]);
    expect(windows.map((window) => window.ends_at.getTime())).toEqual([2, 4, 5].map((s) => cancelled.at(s).getTime()));
    expect(await countedShares(cancelled)).toBe(225);
  });

  it('completes a rental that runs to its end exactly once, over its whole period', async () => {
    const full = rental(6);
    await activate(full);
    await send(connectionChangedV1.topic, [connection(full, 0, 'rig-connected')]);
    await send(shareJudgedV1.topic, shares(full, 0, 6, 300));

    const measurement = await theMeasurementOf(full);
    expect(measurement).toMatchObject({
      startsAt: full.startsAt.toISOString(),
      endsAt: full.endsAt.toISOString(),
      windows: 3,
      measuredSeconds: 6,
      poolDownSeconds: 0,
      rigConnectedSeconds: 6,
      acceptedShares: 300,
      verdict: 'ok',
    });
    expect((await closedWindowsOf(full)).map((window) => window.shares)).toEqual([100, 100, 100]);
  });

  it('changes nothing for a duplicate, a replay or a later word on a rental already ended, nor for other moves', async () => {
    const ended = rental(3_600);
    await activate(ended);
    const terminationId = randomUUID();
    const termination = statusChange(ended, { from: 'disputed', to: 'terminated' }, ended.at(3), terminationId);
    await send(rentalStatusChangedV1.topic, [termination, termination]);
    await endsAtBecomes(ended, ended.at(3));
    const before = await contractOf(ended);

    // On the rental's key, so in order: the last one applied means all the others were.
    const marker = randomUUID();
    await send(rentalStatusChangedV1.topic, [
      termination,
      statusChange(ended, { from: 'disputed', to: 'terminated' }, ended.at(3)),
      statusChange(ended, { from: 'active', to: 'cancelled' }, ended.at(4)),
      statusChange(ended, { from: 'disputed', to: 'active' }, ended.at(2)),
      statusChange(ended, { from: 'active', to: 'completed' }, ended.at(1)),
      statusChange(ended, { from: 'terminated', to: 'settled' }, ended.at(1), marker),
    ]);
    await waitFor(async () => (await processed(marker)) === 1, { what: 'the status changes to be consumed' });

    expect(await processed(terminationId)).toBe(1);
    expect(await contractOf(ended)).toEqual(before);
    expect(before).toEqual({ endsAt: ended.at(3), revokedAt: ended.at(3) });
    const measurement = await theMeasurementOf(ended);
    expect(measurement).toMatchObject({ endsAt: ended.at(3).toISOString(), windows: 2 });
  });

  it('applies an ending that arrives before the activation it ends', async () => {
    const early = rental(3_600);
    await send(rentalStatusChangedV1.topic, [statusChange(early, { from: 'active', to: 'cancelled' }, early.at(3))]);
    await waitFor(
      async () =>
        ((await db.query('SELECT 1 FROM verifier.rental_endings WHERE rental_id = $1', [early.rentalId])).rowCount ??
          0) === 1,
      { what: 'the ending to be recorded' },
    );
    await activate(early);

    expect(await contractOf(early)).toEqual({ endsAt: early.at(3), revokedAt: early.at(3) });
    const refused = await authorize(early);
    expect([refused.result, refused.error]).toEqual([false, [24, expect.any(String), null]]);
    refused.client.destroy();
    expect(await theMeasurementOf(early)).toMatchObject({ endsAt: early.at(3).toISOString(), windows: 2 });
  });

  it('leaves windows judged past an ending that came late as they were, and completes the rental at once', async () => {
    const late = rental(20);
    await activate(late);
    await send(connectionChangedV1.topic, [connection(late, 0, 'rig-connected')]);
    await send(shareJudgedV1.topic, shares(late, 0, 20, 1_000));
    const judged = await waitFor(
      async () => {
        const windows = await closedWindowsOf(late);
        return windows.length >= 2 && windows;
      },
      { timeoutMs: 30_000, what: 'two windows to close' },
    );

    // Cancelled 1 s in, said only now: the windows already judged (and published) stand, the rest never open.
    await send(rentalStatusChangedV1.topic, [statusChange(late, { from: 'active', to: 'cancelled' }, late.at(1))]);
    await endsAtBecomes(late, late.at(1));
    const measurement = await theMeasurementOf(late);

    const windows = await closedWindowsOf(late);
    expect(windows.slice(0, judged.length)).toEqual(judged);
    expect(measurement).toMatchObject({
      endsAt: windows.at(-1)?.ends_at.toISOString(),
      windows: windows.length,
      acceptedShares: 100 * windows.length,
      rigConnectedSeconds: windowSeconds * windows.length,
    });
    expect(windows.map((window) => window.shares)).toEqual(windows.map(() => 100));
    expect(Date.parse(measurement.endsAt)).toBeGreaterThan(late.at(1).getTime());
  });
});
