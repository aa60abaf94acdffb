import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { contractFlaggedV1, deliveryWindowClosedV1, shareJudgedV1 } from '@hashproof/events';
import {
  connectAsAdmin,
  consumerGroupAtTopicEnds,
  freePort,
  kafkaTestClient,
  type RigTally,
  runRig,
  ServiceProcess,
  startDevPool,
  stopProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  waitFor,
} from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Consumer, KafkaMessage } from 'kafkajs';
import type { Client } from 'pg';
import { activateRental, startContracts } from '../testing/contracts-test-bench';

jest.setTimeout(300_000);

// Rigs claim 5 kH/s and mine real double SHA-256 through the verifier's endpoint to dev pools. The
// pool's fixed difficulty 2^-22 (~5 shares/s) is where the rig starts; vardiff then aims at 10/s.
const CLAIMED_HASHRATE = 5_000;
const WINDOW_SECONDS = 5;
const POOL_ARGS = [
  ...['--start-difficulty', '2^-22', '--min-difficulty', '2^-22', '--max-difficulty', '2^-22'],
  ...['--job-interval-ms', '600000'],
];
// Twelve looks at the contract to date per rental: at α = 10⁻⁴ an honest rig is flagged in fewer
// than 1 run in 800, while ~500 expected shares make a 30% shortfall certain to show.
const REVIEW_ALPHA = '0.0001';
// A stable group, moved to the topic ends before the run: the verifier reads only this run's events.
const VERIFIER_GROUP = 'hashrate-verifier-end-to-end-it';

interface WindowRow {
  window_index: number;
  shares: number;
  judgement: {
    poolDownSeconds: number;
    measuredSeconds: number;
    contractToDate: { verdict: string; pValue: number | null };
  };
}

describe('rented hash rate end to end: contracts → broker → verifier endpoint → dev pool → windows and flags', () => {
  const runId = randomUUID().slice(0, 8);
  const kafka = kafkaTestClient(`end-to-end-it-${runId}`);
  const pools: ChildProcess[] = [];
  let contracts: INestApplicationContext;
  let verifier: ServiceProcess;
  let db: Client;
  let stratumUrl = '';
  /** Where each topic ended before the run: reading back starts there, not at the broker's whole history. */
  const topicStarts = new Map<string, { partition: number; offset: string }[]>();

  beforeAll(async () => {
    contracts = await startContracts();
    db = await connectAsAdmin();
    await consumerGroupAtTopicEnds(VERIFIER_GROUP);
    // The verifier applies the evidence topics in a consumer group of its own, `<its group>.evidence`.
    await consumerGroupAtTopicEnds(`${VERIFIER_GROUP}.evidence`);
    const admin = kafka.admin();
    await admin.connect();
    for (const topic of [shareJudgedV1.topic, deliveryWindowClosedV1.topic, contractFlaggedV1.topic]) {
      const partitions = await admin.fetchTopicOffsets(topic);
      topicStarts.set(
        topic,
        partitions.map(({ partition, high }) => ({ partition, offset: high })),
      );
    }
    await admin.disconnect();
    const stratumPort = await freePort();
    stratumUrl = `stratum+tcp://127.0.0.1:${stratumPort}`;
    verifier = new ServiceProcess(
      'hashrate-verifier',
      {
        DATABASE_URL: testDatabaseUrl('verifier'),
        KAFKA_BROKERS: testKafkaBrokers,
        KAFKA_CONSUMER_GROUP: VERIFIER_GROUP,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        STRATUM_PORT: String(stratumPort),
        STRATUM_TARGET_SHARES_PER_MINUTE: '600',
        DELIVERY_WINDOW_SECONDS: String(WINDOW_SECONDS),
        DELIVERY_WINDOW_GRACE_SECONDS: '1',
        DELIVERY_ALPHA: REVIEW_ALPHA,
        DELIVERY_ENFORCEMENT_ALPHA: '0.00001',
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await verifier.start();
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => stopProcess(pool)));
    await verifier?.stop();
    await contracts?.close();
    await db?.end();
  });

  async function startPool(): Promise<{ url: string; process: ChildProcess }> {
    const port = await freePort();
    const process = await startDevPool(port, POOL_ARGS);
    pools.push(process);
    return { url: `stratum+tcp://127.0.0.1:${port}`, process };
  }

  /** Activates a rental to `poolUrl` and waits until the verifier admits its credential. */
  async function rent(poolUrl: string, durationSeconds: number): Promise<{ rentalId: string; credential: string }> {
    const rentalId = await activateRental(contracts, {
      hashrate: BigInt(CLAIMED_HASHRATE),
      durationSeconds,
      pool: { url: poolUrl, worker: `renter.${runId}`, password: 'x' },
    });
    const { rows } = await db.query<{ stratum_credential: string }>(
      'SELECT stratum_credential FROM contracts.rentals WHERE id = $1',
      [rentalId],
    );
    const credential = rows[0]?.stratum_credential ?? '';
    await waitFor(
      async () =>
        (await db.query('SELECT 1 FROM verifier.stratum_credentials WHERE credential = $1', [credential])).rowCount ===
        1,
      { what: 'the verifier to admit the rental’s credential' },
    );
    return { rentalId, credential };
  }

  function mine(credential: string, seconds: number, ...extra: string[]): Promise<RigTally> {
    return runRig(
      [
        ...['--url', stratumUrl, '--worker', credential, '--hashrate', String(CLAIMED_HASHRATE)],
        ...['--duration-seconds', String(seconds), '--keep-connecting', ...extra],
      ],
      (seconds + 30) * 1000,
    );
  }

  async function windowsOf(rentalId: string): Promise<WindowRow[]> {
    const { rows } = await db.query<WindowRow>(
      `SELECT window_index, shares, judgement FROM verifier.delivery_windows
        WHERE rental_id = $1 AND closed_at IS NOT NULL ORDER BY window_index`,
      [rentalId],
    );
    return rows;
  }

  async function allWindowsClosed(rentalIds: string[]): Promise<boolean> {
    const { rows } = await db.query<{ open: string }>(
      `SELECT count(*) AS open FROM verifier.delivery_contracts
        WHERE rental_id = ANY($1::uuid[]) AND NOT windows_finished`,
      [rentalIds],
    );
    return Number(rows[0]?.open) === 0;
  }

  async function flagsOf(rentalId: string): Promise<string[]> {
    const { rows } = await db.query<{ cause: string }>(
      'SELECT cause FROM verifier.contract_flags WHERE rental_id = $1 ORDER BY cause',
      [rentalId],
    );
    return rows.map((row) => row.cause);
  }

  /** Every message on `topic` keyed by one of `rentalIds`, up to the topic's end when called. */
  async function readToEnd(topic: string, rentalIds: string[]): Promise<KafkaMessage[]> {
    const groupId = `end-to-end-reader-${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    const start = topicStarts.get(topic);
    if (start) await admin.setOffsets({ groupId, topic, partitions: start });
    await admin.disconnect();
    const wanted = new Set(rentalIds);
    const messages: KafkaMessage[] = [];
    const nextOffset = new Map<number, number>(
      (start ?? []).map(({ partition, offset }) => [partition, Number(offset)]),
    );
    const consumer: Consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        nextOffset.set(partition, Number(message.offset) + 1);
        if (wanted.has(message.key?.toString() ?? '')) messages.push(message);
      },
    });
    try {
      await waitFor(
        async () =>
          ends.every(
            ({ partition, offset, low }) => offset === low || (nextOffset.get(partition) ?? 0) >= Number(offset),
          ),
        { timeoutMs: 120_000, what: `${topic} to be read to its end` },
      );
      return messages;
    } finally {
      await consumer.disconnect();
    }
  }

  /** Waits until the verifier's outbox has published everything it recorded about `rentalIds`. */
  async function publishedAll(rentalIds: string[]): Promise<void> {
    await waitFor(
      async () => {
        const { rows } = await db.query<{ pending: string }>(
          `SELECT count(*) AS pending FROM verifier.outbox_messages
            WHERE message_key = ANY($1::text[]) AND published_at IS NULL`,
          [rentalIds],
        );
        return Number(rows[0]?.pending) === 0;
      },
      { what: 'the verifier outbox to publish' },
    );
  }

  it('never flags an honest rig, flags 70% delivery and replays, and holds a dead pool against the renter', async () => {
    const [steadyPool, dyingPool] = await Promise.all([startPool(), startPool()]);
    const seconds = 60;
    const honest = await rent(steadyPool.url, seconds);
    const under = await rent(steadyPool.url, seconds);
    const replaying = await rent(steadyPool.url, seconds);
    const orphaned = await rent(dyingPool.url, seconds);
    const rigs = Promise.all([
      mine(honest.credential, seconds),
      mine(under.credential, seconds, '--cheat', 'underdeliver=0.7'),
      mine(replaying.credential, seconds, '--cheat', 'replay'),
      mine(orphaned.credential, seconds),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 25_000));
    await stopProcess(dyingPool.process, 'SIGKILL');
    const [honestRig] = await rigs;

    const rentals = [honest, under, replaying, orphaned].map((rental) => rental.rentalId);
    await waitFor(() => allWindowsClosed(rentals), { timeoutMs: 60_000, what: 'every window to close' });

    const honestWindows = await windowsOf(honest.rentalId);
    expect(honestWindows.map((window) => window.window_index)).toEqual([...Array(seconds / WINDOW_SECONDS).keys()]);
    expect(honestRig.accepted).toBeGreaterThan(150);
    // Vardiff re-sends the job at each retarget; an honest rig must never end up submitting duplicates.
    expect(honestRig.rejectedByCode).toEqual({});
    expect(honestWindows.at(-1)?.judgement.contractToDate.verdict).toBe('ok');
    expect(await flagsOf(honest.rentalId)).toEqual([]);

    expect(await flagsOf(under.rentalId)).toContain('under-delivery-review');
    expect(await flagsOf(replaying.rentalId)).toContain('duplicate-shares');

    const orphanedWindows = await windowsOf(orphaned.rentalId);
    const poolDown = orphanedWindows.reduce((sum, window) => sum + window.judgement.poolDownSeconds, 0);
    const measured = orphanedWindows.reduce((sum, window) => sum + window.judgement.measuredSeconds, 0);
    expect(poolDown).toBeGreaterThan(25);
    expect(measured).toBeLessThan(seconds - 25);
    expect(await flagsOf(orphaned.rentalId)).toEqual([]);

    // The flags are facts on the broker too, once per cause.
    await publishedAll(rentals);
    const flagged = await readToEnd(contractFlaggedV1.topic, rentals);
    const causes = flagged.map((message) => {
      const event = contractFlaggedV1.deserialize(message.value);
      return `${event.value.rentalId}:${event.value.cause}`;
    });
    expect(new Set(causes).size).toBe(causes.length);
    expect(causes).toEqual(
      expect.arrayContaining([`${under.rentalId}:under-delivery-review`, `${replaying.rentalId}:duplicate-shares`]),
    );
  });

  it('loses no window and counts no share twice when the verifier is killed mid-contract', async () => {
    const pool = await startPool();
    const seconds = 30;
    const rentals = [await rent(pool.url, seconds), await rent(pool.url, seconds)];
    const rigs = Promise.all(rentals.map((rental) => mine(rental.credential, seconds + 5)));
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    await verifier.crash();
    await verifier.start();
    await rigs;

    const ids = rentals.map((rental) => rental.rentalId);
    await waitFor(() => allWindowsClosed(ids), { timeoutMs: 60_000, what: 'every window to close' });
    const windowCount = seconds / WINDOW_SECONDS;
    await publishedAll(ids);
    const closes = await readToEnd(deliveryWindowClosedV1.topic, ids);
    const judged = await readToEnd(shareJudgedV1.topic, ids);
    expect(new Set(closes.map(closeOf)).size).toBe(ids.length * windowCount);

    for (const rentalId of ids) {
      const windows = await windowsOf(rentalId);
      expect(windows.map((window) => window.window_index)).toEqual([...Array(windowCount).keys()]);
      const counted = windows.reduce((sum, window) => sum + window.shares, 0);
      expect(counted).toBe(validShares(judged, rentalId));
      // One close per window, however often the relay had to publish it.
      const eventIdsPerWindow = new Map<string, Set<string>>();
      for (const message of closes.filter((m) => m.key?.toString() === rentalId)) {
        const event = deliveryWindowClosedV1.deserialize(message.value);
        const ids = eventIdsPerWindow.get(String(event.value.windowIndex)) ?? new Set<string>();
        eventIdsPerWindow.set(String(event.value.windowIndex), ids.add(event.eventId));
      }
      expect([...eventIdsPerWindow.values()].every((ids) => ids.size === 1)).toBe(true);
    }
  });

  function closeOf(message: KafkaMessage): string {
    const event = deliveryWindowClosedV1.deserialize(message.value);
    return `${event.value.rentalId}:${event.value.windowIndex}`;
  }

  function validShares(messages: KafkaMessage[], rentalId: string): number {
    return messages.filter((message) => {
      if (message.key?.toString() !== rentalId) return false;
      return shareJudgedV1.deserialize(message.value).value.valid;
    }).length;
  }
});
