import { randomUUID } from 'node:crypto';
import { connectAsAdmin } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ProviderTrackRecords1764700000000 } from '../database/migrations/1764700000000-provider-track-records';
import { grantVerifiedCapacity, startContracts } from '../testing/contracts-test-bench';
import { TH } from '../testing/listings-test-bench';
import { RentalDriver } from './testing/rental-driver';
import type { TrackRecord } from './track-record';

jest.setTimeout(120_000);

/**
 * What searches counted before track records were kept: every rental of the provider that ended, a settled one
 * by the status its audit trail says it was settled from.
 */
const aggregatedTrackRecord = `
  SELECT count(*) FILTER (WHERE outcome.status = 'completed')::int AS completed,
         count(*) FILTER (WHERE outcome.status = 'terminated')::int AS terminated
  FROM contracts.rentals r
  CROSS JOIN LATERAL (
    SELECT CASE WHEN r.status = 'settled' THEN (
      SELECT t.from_status FROM contracts.rental_transitions t
      WHERE t.rental_id = r.id AND t.to_status = 'settled' ORDER BY t.id DESC LIMIT 1
    ) ELSE r.status END AS status
  ) outcome
  WHERE r.provider_id = $1 AND r.status IN ('completed', 'terminated', 'settled')`;

/** Providers with rentals whose kept record is not what the aggregate counts. */
const providersOffRecord = `
  SELECT p.provider_id FROM (SELECT DISTINCT provider_id FROM contracts.rentals) p
  LEFT JOIN contracts.provider_track_records kept ON kept.provider_id = p.provider_id
  CROSS JOIN LATERAL (${aggregatedTrackRecord.replace('$1', 'p.provider_id')}) aggregated
  WHERE COALESCE(kept.completed_rentals, 0) <> aggregated.completed
     OR COALESCE(kept.terminated_rentals, 0) <> aggregated.terminated`;

describe("providers' kept track records", () => {
  let contracts: INestApplicationContext;
  let db: Client;
  let rentals: RentalDriver;

  beforeAll(async () => {
    contracts = await startContracts();
    db = await connectAsAdmin();
    rentals = new RentalDriver(contracts);
  });

  afterAll(async () => {
    await contracts?.close();
    await db?.end();
  });

  async function provider(): Promise<string> {
    const providerId = randomUUID();
    await grantVerifiedCapacity(contracts, providerId, 100n * TH);
    return providerId;
  }

  /** The kept row and the aggregate over the provider's rentals, which must agree. */
  async function trackRecords(providerId: string): Promise<{ kept: TrackRecord; aggregated: TrackRecord }> {
    const kept = await db.query<{ completed_rentals: number; terminated_rentals: number }>(
      'SELECT completed_rentals, terminated_rentals FROM contracts.provider_track_records WHERE provider_id = $1',
      [providerId],
    );
    const [aggregated] = (
      await db.query<{ completed: number; terminated: number }>(aggregatedTrackRecord, [providerId])
    ).rows;
    return {
      kept: {
        completedRentals: kept.rows[0]?.completed_rentals ?? 0,
        terminatedRentals: kept.rows[0]?.terminated_rentals ?? 0,
      },
      aggregated: { completedRentals: aggregated?.completed ?? -1, terminatedRentals: aggregated?.terminated ?? -1 },
    };
  }

  const expectTrackRecord = async (providerId: string, completedRentals: number, terminatedRentals: number) => {
    const expected = { completedRentals, terminatedRentals };
    expect(await trackRecords(providerId)).toEqual({ kept: expected, aggregated: expected });
  };

  it('counts with every move exactly what the aggregate over the rentals counts', async () => {
    const providerId = await provider();
    const terminating = await rentals.run(providerId, ['active']);
    const disputed = await rentals.run(providerId, ['active', 'disputed']);
    const unpaid = await rentals.open(providerId);
    await expectTrackRecord(providerId, 0, 0);

    const completed = await rentals.run(providerId, ['active', 'completed']);
    await expectTrackRecord(providerId, 1, 0);
    await rentals.move(terminating, 'terminated');
    await expectTrackRecord(providerId, 1, 1);
    await rentals.move(disputed, 'terminated');
    await expectTrackRecord(providerId, 1, 2);
    await rentals.move(unpaid, 'cancelled');
    await expectTrackRecord(providerId, 1, 2);

    // Not the unpaid one: a rental without a stratum credential cannot be settled (rentals_active_have_credential).
    for (const settling of [completed, terminating, disputed]) {
      await rentals.move(settling, 'settled');
      await expectTrackRecord(providerId, 1, 2);
    }
  });

  it("keeps one provider's record apart from another's", async () => {
    const [first, second] = [await provider(), await provider()];
    await rentals.run(first, ['active', 'completed']);
    await rentals.run(second, ['active', 'terminated', 'settled']);
    await expectTrackRecord(first, 1, 0);
    await expectTrackRecord(second, 0, 1);
  });

  it("counts every one of concurrent moves of one provider's rentals", async () => {
    const providerId = await provider();
    const running = await Promise.all(Array.from({ length: 8 }, () => rentals.run(providerId, ['active'])));
    await Promise.all(running.map((rentalId) => rentals.move(rentalId, 'terminated')));
    await expectTrackRecord(providerId, 0, 8);
    await Promise.all(running.map((rentalId) => rentals.move(rentalId, 'settled')));
    await expectTrackRecord(providerId, 0, 8);
  });

  it('is filled by its migration from the rentals recorded before, for every provider', async () => {
    const veteran = randomUUID();
    const runner = contracts.get(DataSource).createQueryRunner();
    await runner.startTransaction();
    try {
      // Rentals and their trails as they stood before records were kept, then the migration: all undone after.
      for (const path of [
        ['completed'],
        ['completed', 'settled'],
        ['terminated', 'settled'],
        ['cancelled', 'settled'],
      ]) {
        await legacyRental(runner.query.bind(runner), veteran, path);
      }
      await runner.query('DROP TABLE contracts.provider_track_records');
      await new ProviderTrackRecords1764700000000().up(runner);
      expect(await runner.query(providersOffRecord)).toEqual([]);
      expect(
        await runner.query(
          'SELECT completed_rentals, terminated_rentals FROM contracts.provider_track_records WHERE provider_id = $1',
          [veteran],
        ),
      ).toEqual([{ completed_rentals: 2, terminated_rentals: 1 }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

/** A rental that ran through `path` after activation, with its audit trail, written in the table directly. */
async function legacyRental(
  query: (sql: string, parameters: unknown[]) => Promise<unknown>,
  providerId: string,
  path: string[],
): Promise<void> {
  const id = randomUUID();
  await query(
    `INSERT INTO contracts.rentals (id, listing_id, provider_id, renter_id, hashrate, duration_seconds, price_minor,
       currency, status, pool_url, pool_worker, stratum_credential, starts_at, ends_at, version)
     VALUES ($1, $2, $3, $4, 1000000000000, 86400, 1000, 'USD', $5, 'stratum+tcp://127.0.0.1:3334', 'w',
       $6, now() - interval '2 days', now() - interval '1 day', 1)`,
    [id, randomUUID(), providerId, randomUUID(), path.at(-1), `hp_${id.replaceAll('-', '')}`],
  );
  let from = 'active';
  for (const to of path) {
    await query(
      `INSERT INTO contracts.rental_transitions (rental_id, from_status, to_status, actor) VALUES ($1, $2, $3, 'test')`,
      [id, from, to],
    );
    from = to;
  }
}
