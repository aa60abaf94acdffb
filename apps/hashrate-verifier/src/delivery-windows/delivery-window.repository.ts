import type { EntityManager } from 'typeorm';
import type { ContractPurpose } from '../delivery-contracts/contract-purpose';
import type { Interval } from './covered-time';
import type { DeliveryJudgement } from './judge-delivery';
import type { ClosedWindows } from './measurement-completed';
import type { WindowState } from './window-tally';
import type { WindowBounds } from './window-schedule';

export interface ContractRow {
  readonly rentalId: string;
  readonly contractedHashrate: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly nextWindowIndex: number;
  readonly windowsFinished: boolean;
  readonly purpose: ContractPurpose;
}

/** A window of one contract: what a batch of shares adds to. */
export interface ContractWindow {
  readonly rentalId: string;
  readonly bounds: WindowBounds;
}

interface ContractRecord {
  rental_id: string;
  contracted_hashrate: string;
  starts_at: Date;
  ends_at: Date;
  next_window_index: number;
  windows_finished: boolean;
  purpose: ContractPurpose;
}

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

const toContract = (row: ContractRecord): ContractRow => ({
  rentalId: row.rental_id,
  contractedHashrate: row.contracted_hashrate,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  nextWindowIndex: row.next_window_index,
  windowsFinished: row.windows_finished,
  purpose: row.purpose,
});

const toWindowState = (row: WindowRecord): WindowState => ({
  delivered: { shares: row.shares, work: row.work, workSquared: row.work_squared },
  rejectedByReason: row.rejected_by_reason,
  poolDisagreements: row.pool_disagreements,
  blockCandidates: row.block_candidates,
  lastDifficulty: row.last_difficulty,
});

const windowColumns = `"rental_id", "window_index", "shares", "work", "work_squared", "rejected_by_reason",
  "pool_disagreements", "block_candidates", "last_difficulty"`;

const contractColumns = `"rental_id", "contracted_hashrate", "starts_at", "ends_at", "next_window_index",
  "windows_finished", "purpose"`;

export const windowKey = (rentalId: string, index: number): string => `${rentalId}:${index}`;

/** Window aggregates in the verifier's schema: one row per window, never one per share. */
export class DeliveryWindowRepository {
  constructor(readonly manager: EntityManager) {}

  async lockContract(rentalId: string, skipLocked = false): Promise<ContractRow | null> {
    const rows = await this.manager.query<ContractRecord[]>(
      `SELECT ${contractColumns}
       FROM "delivery_contracts" WHERE "rental_id" = $1 FOR UPDATE ${skipLocked ? 'SKIP LOCKED' : ''}`,
      [rentalId],
    );
    return rows[0] ? toContract(rows[0]) : null;
  }

  /** Locked in one order, so that batches and closers never wait on each other in a cycle. */
  async lockContracts(rentalIds: readonly string[]): Promise<ContractRow[]> {
    const rows = await this.manager.query<ContractRecord[]>(
      `SELECT ${contractColumns}
       FROM "delivery_contracts" WHERE "rental_id" = ANY($1::uuid[]) ORDER BY "rental_id" FOR UPDATE`,
      [rentalIds],
    );
    return rows.map(toContract);
  }

  async unfinishedContractIds(now: Date): Promise<string[]> {
    const rows = await this.manager.query<{ rental_id: string }[]>(
      `SELECT "rental_id" FROM "delivery_contracts" WHERE NOT "windows_finished" AND "starts_at" <= $1`,
      [now],
    );
    return rows.map((row) => row.rental_id);
  }

  async lockWindow(rentalId: string, bounds: WindowBounds): Promise<WindowState> {
    const windows = await this.lockWindows([{ rentalId, bounds }]);
    const window = windows.get(windowKey(rentalId, bounds.index));
    if (!window) throw new Error(`window ${bounds.index} of ${rentalId} vanished`);
    return window;
  }

  /**
   * Creates the windows that do not exist yet and locks them all, in one statement: the update of a row that
   * already exists changes nothing, and is what makes it come back. Keyed by windowKey.
   */
  async lockWindows(windows: readonly ContractWindow[]): Promise<Map<string, WindowState>> {
    if (windows.length === 0) return new Map();
    const rows = await this.manager.query<WindowRecord[]>(
      `INSERT INTO "delivery_windows" ("rental_id", "window_index", "starts_at", "ends_at")
       SELECT * FROM unnest($1::uuid[], $2::integer[], $3::timestamptz[], $4::timestamptz[])
       ON CONFLICT ("rental_id", "window_index") DO UPDATE SET "rental_id" = EXCLUDED."rental_id"
       RETURNING ${windowColumns}`,
      [
        windows.map((window) => window.rentalId),
        windows.map((window) => window.bounds.index),
        windows.map((window) => window.bounds.startsAt),
        windows.map((window) => window.bounds.endsAt),
      ],
    );
    return new Map(rows.map((row) => [windowKey(row.rental_id, row.window_index), toWindowState(row)]));
  }

  /** Only for windows locked by lockWindows in the same transaction. */
  async saveTallies(windows: readonly { rentalId: string; index: number; state: WindowState }[]): Promise<void> {
    if (windows.length === 0) return;
    const column = <T>(value: (state: WindowState) => T) => windows.map((window) => value(window.state));
    await this.manager.query(
      `UPDATE "delivery_windows" AS "w" SET "shares" = "v"."shares", "work" = "v"."work",
         "work_squared" = "v"."work_squared", "rejected_by_reason" = "v"."rejected_by_reason",
         "pool_disagreements" = "v"."pool_disagreements", "block_candidates" = "v"."block_candidates",
         "last_difficulty" = "v"."last_difficulty"
       FROM unnest($1::uuid[], $2::integer[], $3::integer[], $4::double precision[], $5::double precision[],
         $6::jsonb[], $7::integer[], $8::integer[], $9::double precision[])
         AS "v"(${windowColumns})
       WHERE "w"."rental_id" = "v"."rental_id" AND "w"."window_index" = "v"."window_index"`,
      [
        windows.map((window) => window.rentalId),
        windows.map((window) => window.index),
        column((state) => state.delivered.shares),
        column((state) => state.delivered.work),
        column((state) => state.delivered.workSquared),
        column((state) => JSON.stringify(state.rejectedByReason)),
        column((state) => state.poolDisagreements),
        column((state) => state.blockCandidates),
        column((state) => state.lastDifficulty),
      ],
    );
  }

  /** Records the window's end as judged: a contract cut short after the row was opened cut its window too. */
  async closeWindow(rentalId: string, bounds: WindowBounds, judgement: object): Promise<void> {
    await this.manager.query(
      `UPDATE "delivery_windows" SET "closed_at" = now(), "judgement" = $3, "ends_at" = $4
       WHERE "rental_id" = $1 AND "window_index" = $2`,
      [rentalId, bounds.index, JSON.stringify(judgement), bounds.endsAt],
    );
    await this.manager.query(`UPDATE "delivery_contracts" SET "next_window_index" = $2 + 1 WHERE "rental_id" = $1`, [
      rentalId,
      bounds.index,
    ]);
  }

  /** Nothing more will be measured for the contract: its windows are all closed. */
  async markFinished(rentalId: string): Promise<void> {
    await this.manager.query(`UPDATE "delivery_contracts" SET "windows_finished" = true WHERE "rental_id" = $1`, [
      rentalId,
    ]);
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

  /** Every closed window of the contract, added up. */
  async closedWindows(rentalId: string): Promise<ClosedWindows> {
    const [row] = await this.manager.query<
      {
        count: number;
        pool_down_seconds: number;
        rig_connected_seconds: number;
        last_ends_at: Date | null;
        contract_to_date: DeliveryJudgement | null;
      }[]
    >(
      `SELECT count(*)::integer AS "count",
         coalesce(sum(("judgement" ->> 'poolDownSeconds')::double precision), 0) AS "pool_down_seconds",
         coalesce(sum(("judgement" ->> 'rigConnectedSeconds')::double precision), 0) AS "rig_connected_seconds",
         max("ends_at") AS "last_ends_at",
         (array_agg("judgement" -> 'contractToDate' ORDER BY "window_index" DESC))[1] AS "contract_to_date"
       FROM "delivery_windows" WHERE "rental_id" = $1 AND "closed_at" IS NOT NULL`,
      [rentalId],
    );
    return {
      count: row?.count ?? 0,
      poolDownSeconds: row?.pool_down_seconds ?? 0,
      rigConnectedSeconds: row?.rig_connected_seconds ?? 0,
      lastEndsAt: row?.last_ends_at ?? null,
      contractToDate: row?.contract_to_date ?? null,
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
