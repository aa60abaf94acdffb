import { randomUUID } from 'node:crypto';
import { dataSourceOptions } from '@hashproof/database';
import { shareJudgedV1 } from '@hashproof/events';
import { BatchTransactionalConsumer, type DeadLetter, type MessageBatch, PartitionOffsets } from '@hashproof/messaging';
import { testDatabaseUrl } from '@hashproof/testing';
import { DataSource } from 'typeorm';
import type { DeliveryWindowSettings } from './delivery-window-settings';
import { windowKey } from './delivery-window.repository';
import { RecordSharesUseCase } from './record-shares.usecase';
import type { ContractTerms } from './share-windows';
import { applyShareByShare, mixedShares, type ShareJudged } from './testing/share-by-share';
import type { WindowState } from './window-tally';

jest.setTimeout(60_000);

const windowMs = 600_000;
const settings: DeliveryWindowSettings = {
  windowMs,
  graceMs: 0,
  closeCheckIntervalMs: 1_000,
  alpha: 0.01,
  tolerance: 0,
  targetSharesPerMinute: 18,
  flags: { reviewAlpha: 0.01, enforcementAlpha: 0.001, maxInvalidRatio: 0.05 },
};
const topic = shareJudgedV1.topic;
const partition = 7;

interface WindowRecord {
  rental_id: string;
  window_index: number;
  shares: number;
  work: number;
  work_squared: number;
  rejected_by_reason: Record<string, number>;
  pool_disagreements: number;
  block_candidates: number;
  last_difficulty: number | null;
}

describe('judged shares recorded a partition batch at a time, on the real database', () => {
  const dataSource = new DataSource(
    dataSourceOptions({
      url: testDatabaseUrl('verifier'),
      schema: 'verifier',
      poolSize: 4,
      applicationName: 'record-shares-it',
      entities: [],
      migrations: [],
    }),
  );
  const recordShares = new RecordSharesUseCase(settings);
  const letters: DeadLetter[] = [];
  /** A consumer name of this run's own: the stored offsets of any other consumer stay untouched. */
  const consumerName = `record-shares-it-${randomUUID().slice(0, 8)}`;
  const consumer = () =>
    new BatchTransactionalConsumer(
      dataSource,
      { publishAll: async (sent) => void letters.push(...sent) },
      new PartitionOffsets(consumerName),
    );
  // A day ahead, so that no window closer of a verifier running beside this test ever takes these contracts.
  const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 86_400_000);
  const minutes = (n: number) => new Date(startsAt.getTime() + n * 60_000);
  /** 25 minutes each; the first has closed window 0 already, and window 1 holds work from before. */
  const contracts: ContractTerms[] = [0, 1, 0].map((nextWindowIndex) => ({
    rentalId: randomUUID(),
    startsAt,
    endsAt: minutes(25),
    nextWindowIndex,
  }));
  const ids = contracts.map((contract) => contract.rentalId);
  const held: WindowState = {
    delivered: { shares: 1, work: 0.1, workSquared: 0.1 * 0.1 },
    rejectedByReason: { stale: 2 },
    poolDisagreements: 1,
    blockCandidates: 0,
    lastDifficulty: 0.1,
  };

  const messagesOf = (events: readonly ShareJudged[], firstOffset: number): MessageBatch['messages'] =>
    events.map((event, i) => ({
      topic,
      partition,
      offset: String(firstOffset + i),
      key: event.key.rentalId,
      value: JSON.stringify(event),
    }));
  const batch = (messages: MessageBatch['messages'], from: number, to: number): MessageBatch => ({
    topic,
    partition,
    messages: messages.slice(from, to),
  });
  const record = (target: BatchTransactionalConsumer, of: MessageBatch) =>
    target.consume(shareJudgedV1, of, (events, transaction) => recordShares.execute(events, transaction));

  async function windows(): Promise<Map<string, WindowState>> {
    const rows = await dataSource.query<WindowRecord[]>(
      `SELECT * FROM "delivery_windows" WHERE "rental_id" = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        windowKey(row.rental_id, row.window_index),
        {
          delivered: { shares: row.shares, work: row.work, workSquared: row.work_squared },
          rejectedByReason: row.rejected_by_reason,
          poolDisagreements: row.pool_disagreements,
          blockCandidates: row.block_candidates,
          lastDifficulty: row.last_difficulty,
        },
      ]),
    );
  }

  async function storedOffset(): Promise<string | undefined> {
    const rows = await dataSource.query<{ next_offset: string }[]>(
      `SELECT "next_offset" FROM "consumed_offsets" WHERE "consumer" = $1 AND "topic" = $2 AND "partition" = $3`,
      [consumerName, topic, partition],
    );
    return rows[0]?.next_offset;
  }

  /** What the windows hold after these events, had each been applied alone as before. */
  function shareByShare(events: readonly ShareJudged[]): Map<string, WindowState> {
    const expected = new Map([[windowKey(ids[0] ?? '', 1), held]]);
    applyShareByShare(expected, events, contracts, windowMs);
    return expected;
  }

  beforeAll(async () => {
    await dataSource.initialize();
    for (const contract of contracts) {
      await dataSource.query(
        `INSERT INTO "delivery_contracts" ("rental_id", "provider_id", "contracted_hashrate", "starts_at", "ends_at", "next_window_index")
         VALUES ($1, $2, 1000000, $3, $4, $5)`,
        [contract.rentalId, randomUUID(), contract.startsAt, contract.endsAt, contract.nextWindowIndex],
      );
    }
    await dataSource.query(
      `INSERT INTO "delivery_windows" ("rental_id", "window_index", "starts_at", "ends_at", "shares", "work",
         "work_squared", "rejected_by_reason", "pool_disagreements", "last_difficulty")
       VALUES ($1, 1, $2, $3, 1, $4, $5, $6, 1, $7)`,
      [ids[0], minutes(10), minutes(20), held.delivered.work, held.delivered.workSquared, '{"stale":2}', 0.1],
    );
  });

  afterAll(async () => {
    if (!dataSource.isInitialized) return;
    await dataSource.query(`DELETE FROM "delivery_windows" WHERE "rental_id" = ANY($1::uuid[])`, [ids]);
    await dataSource.query(`DELETE FROM "delivery_contracts" WHERE "rental_id" = ANY($1::uuid[])`, [ids]);
    await dataSource.query(`DELETE FROM "consumed_offsets" WHERE "consumer" = $1`, [consumerName]);
    await dataSource.destroy();
  });

  // Judged from before the start to past the end, over three contracts and one the verifier does not know.
  const stranger = randomUUID();
  const events = mixedShares([...ids, stranger], minutes(-1), 27 * 60_000, 3_000);
  const messages = messagesOf(events, 1_000);
  const invalidAt = 1_234;
  const corrupted = messages.map((message) =>
    message.offset === String(invalidAt) ? { ...message, value: '{"not":"an event"}' } : message,
  );
  const valid = events.filter((_, i) => i !== invalidAt - 1_000);

  it('gives the tallies share-by-share application gives, and dead-letters invalid events and unknown contracts', async () => {
    const outcomes = [];
    for (let from = 0; from < 2_000; from += 500)
      outcomes.push(await record(consumer(), batch(corrupted, from, from + 500)));

    expect(await windows()).toEqual(shareByShare(valid.slice(0, 1_999)));
    expect(await storedOffset()).toBe('3000');
    expect(outcomes.map((outcome) => outcome.nextOffset)).toEqual([1_500n, 2_000n, 2_500n, 3_000n]);
    const strangers = events.slice(0, 2_000).filter((event) => event.key.rentalId === stranger).length;
    expect(letters.map((letter) => letter.message.offset)).toContain(String(invalidAt));
    expect(letters).toHaveLength(strangers + 1);
    expect(letters.filter((letter) => letter.reason === `no delivery contract for rental ${stranger}`)).toHaveLength(
      strangers,
    );
  });

  it('counts nothing twice when batches come again, whole or overlapping what was applied', async () => {
    const before = await windows();
    const again = await record(consumer(), batch(corrupted, 0, 2_000));
    expect(again).toEqual({ applied: 0, duplicates: 2_000, deadLettered: 0, nextOffset: 3_000n });
    expect(await windows()).toEqual(before);

    const lettersBefore = letters.length;
    const overlapping = await record(consumer(), batch(corrupted, 1_900, 2_300));
    expect(overlapping).toMatchObject({ duplicates: 100, nextOffset: 3_300n });
    expect(await windows()).toEqual(shareByShare(valid.slice(0, 2_299)));
    expect(letters.slice(lettersBefore).every((letter) => Number(letter.message.offset) >= 3_000)).toBe(true);
  });

  it('applies nothing of a batch whose transaction dies before the commit, and counts it once when it comes again', async () => {
    const before = await windows();
    const crashing = consumer().consume(shareJudgedV1, batch(corrupted, 2_300, 2_600), async (events, transaction) => {
      await recordShares.execute(events, transaction);
      throw new Error('killed before the commit');
    });
    await expect(crashing).rejects.toThrow('killed before the commit');
    expect(await windows()).toEqual(before);
    expect(await storedOffset()).toBe('3300');

    await record(consumer(), batch(corrupted, 2_300, 2_600));
    expect(await windows()).toEqual(shareByShare(valid.slice(0, 2_599)));
  });

  it('counts a batch once when two members consume its partition at the same time', async () => {
    const outcomes = await Promise.all([
      record(consumer(), batch(corrupted, 2_600, 3_000)),
      record(consumer(), batch(corrupted, 2_600, 3_000)),
    ]);
    expect(outcomes.map((outcome) => outcome.duplicates).sort((a, b) => a - b)).toEqual([0, 400]);
    expect(await windows()).toEqual(shareByShare(valid));
    expect(await storedOffset()).toBe('4000');
  });
});
