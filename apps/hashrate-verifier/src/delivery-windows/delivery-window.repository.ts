import type { EntityManager } from 'typeorm';
import type { ContractPurpose } from '../delivery-contracts/contract-purpose';
import type { Interval } from './covered-time';
import type { WindowTally } from './window-tally';
import type { WindowBounds } from './window-schedule';

export interface ContractRow {
  readonly rentalId: string;
  readonly contractedHashrate: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly nextWindowIndex: number;
  readonly purpose: ContractPurpose;
}

export interface WindowRow extends WindowTally {
  readonly lastDifficulty: number | null;
}

interface ContractRecord {
  rental_id: string;
  contracted_hashrate: string;
  starts_at: Date;
  ends_at: Date;
  next_window_index: number;
  purpose: ContractPurpose;
}

interface WindowRecord {
  shares: number;
  work: number;
  work_squared: number;
  rejected_by_reason: Record<string, number>;
  pool_disagreements: number;
  block_candidates: number;
  last_difficulty: number | null;
}

const toContract = (row: ContractRecord): ContractRow => ({
  rentalId: row.rental_id,
  contractedHashrate: row.contracted_hashrate,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  nextWindowIndex: row.next_window_index,
  purpose: row.purpose,
});

/** Window aggregates in the verifier's schema: one row per window, never one per share. */
export class DeliveryWindowRepository {
  constructor(readonly manager: EntityManager) {}

  async lockContract(rentalId: string, skipLocked = false): Promise<ContractRow | null> {
    const rows = await this.manager.query<ContractRecord[]>(
      `SELECT "rental_id", "contracted_hashrate", "starts_at", "ends_at", "next_window_index", "purpose"
       FROM "delivery_contracts" WHERE "rental_id" = $1 FOR UPDATE ${skipLocked ? 'SKIP LOCKED' : ''}`,
      [rentalId],
    );
    return rows[0] ? toContract(rows[0]) : null;
  }

  async unfinishedContractIds(now: Date): Promise<string[]> {
    const rows = await this.manager.query<{ rental_id: string }[]>(
      `SELECT "rental_id" FROM "delivery_contracts" WHERE NOT "windows_finished" AND "starts_at" <= $1`,
      [now],
    );
    return rows.map((row) => row.rental_id);
  }

  async lockWindow(rentalId: string, bounds: WindowBounds): Promise<WindowRow> {
    await this.manager.query(
      `INSERT INTO "delivery_windows" ("rental_id", "window_index", "starts_at", "ends_at")
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [rentalId, bounds.index, bounds.startsAt, bounds.endsAt],
    );
    const [row] = await this.manager.query<WindowRecord[]>(
      `SELECT "shares", "work", "work_squared", "rejected_by_reason", "pool_disagreements", "block_candidates", "last_difficulty"
       FROM "delivery_windows" WHERE "rental_id" = $1 AND "window_index" = $2 FOR UPDATE`,
      [rentalId, bounds.index],
    );
    if (!row) throw new Error(`window ${bounds.index} of ${rentalId} vanished`);
    return {
      delivered: { shares: row.shares, work: row.work, workSquared: row.work_squared },
      rejectedByReason: row.rejected_by_reason,
      poolDisagreements: row.pool_disagreements,
      blockCandidates: row.block_candidates,
      lastDifficulty: row.last_difficulty,
    };
  }

  async saveTally(rentalId: string, index: number, tally: WindowTally, lastDifficulty: number | null): Promise<void> {
    await this.manager.query(
      `UPDATE "delivery_windows" SET "shares" = $3, "work" = $4, "work_squared" = $5, "rejected_by_reason" = $6,
         "pool_disagreements" = $7, "block_candidates" = $8, "last_difficulty" = $9
       WHERE "rental_id" = $1 AND "window_index" = $2`,
      [
        rentalId,
        index,
        tally.delivered.shares,
        tally.delivered.work,
        tally.delivered.workSquared,
        JSON.stringify(tally.rejectedByReason),
        tally.poolDisagreements,
        tally.blockCandidates,
        lastDifficulty,
      ],
    );
  }

  async closeWindow(rentalId: string, index: number, judgement: object, finished: boolean): Promise<void> {
    await this.manager.query(
      `UPDATE "delivery_windows" SET "closed_at" = now(), "judgement" = $3 WHERE "rental_id" = $1 AND "window_index" = $2`,
      [rentalId, index, JSON.stringify(judgement)],
    );
    await this.manager.query(
      `UPDATE "delivery_contracts" SET "next_window_index" = $2 + 1, "windows_finished" = $3 WHERE "rental_id" = $1`,
      [rentalId, index, finished],
    );
  }

  /** Totals of the windows closed so far: the contract-to-date evidence before this window. */
  async closedTotals(
    rentalId: string,
  ): Promise<{ shares: number; work: number; workSquared: number; measuredSeconds: number }> {
    const [row] = await this.manager.query<
      { shares: string; work: number; work_squared: number; measured_seconds: number }[]
    >(
      `SELECT coalesce(sum("shares"), 0) AS "shares", coalesce(sum("work"), 0) AS "work",
         coalesce(sum("work_squared"), 0) AS "work_squared",
         coalesce(sum(("judgement" ->> 'measuredSeconds')::double precision), 0) AS "measured_seconds"
       FROM "delivery_windows" WHERE "rental_id" = $1 AND "closed_at" IS NOT NULL`,
      [rentalId],
    );
    return {
      shares: Number(row?.shares ?? 0),
      work: Number(row?.work ?? 0),
      workSquared: Number(row?.work_squared ?? 0),
      measuredSeconds: Number(row?.measured_seconds ?? 0),
    };
  }

  async intervals(rentalId: string, side: 'rig' | 'pool-down', until: Date): Promise<Interval[]> {
    const rows = await this.manager.query<{ started_at: Date; ended_at: Date | null }[]>(
      `SELECT "started_at", "ended_at" FROM "connection_intervals"
       WHERE "rental_id" = $1 AND "side" = $2 AND "started_at" < $3`,
      [rentalId, side, until],
    );
    return rows.map((row) => ({ startsAt: row.started_at, endsAt: row.ended_at }));
  }

  async openInterval(rentalId: string, connectionId: string, side: 'rig' | 'pool-down', at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO "connection_intervals" ("rental_id", "connection_id", "side", "started_at")
       SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM "connection_intervals"
         WHERE "rental_id" = $1 AND "connection_id" = $2 AND "side" = $3 AND "ended_at" IS NULL)`,
      [rentalId, connectionId, side, at],
    );
  }

  async endInterval(rentalId: string, connectionId: string, side: 'rig' | 'pool-down', at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE "connection_intervals" SET "ended_at" = greatest("started_at", $4)
       WHERE "rental_id" = $1 AND "connection_id" = $2 AND "side" = $3 AND "ended_at" IS NULL`,
      [rentalId, connectionId, side, at],
    );
  }
}
