import type { DeliveredWork } from '@hashproof/hashrate';
import type { EntityManager } from 'typeorm';
import type { CapacityCheckOutcome } from './capacity-check-outcome';

export interface DueCheck {
  readonly checkId: string;
  readonly providerId: string;
  readonly claimedHashrate: string;
  readonly requestEventId: string;
  readonly correlationId: string;
}

export interface CheckTotals {
  readonly delivered: DeliveredWork;
  readonly measuredSeconds: number;
  readonly rigConnectedSeconds: number;
  readonly lastDifficulty: number | null;
}

interface DueRecord {
  check_id: string;
  provider_id: string;
  contracted_hashrate: string;
  request_event_id: string;
  correlation_id: string;
}

interface TotalsRecord {
  shares: string;
  work: number;
  work_squared: number;
  measured_seconds: number;
  rig_connected_seconds: number;
  last_difficulty: number | null;
}

/** Checks awaiting their outcome: due once the delivery windows have closed the run's last window. */
export class CapacityCheckRepository {
  constructor(readonly manager: EntityManager) {}

  async dueCheckIds(): Promise<string[]> {
    const rows = await this.manager.query<{ check_id: string }[]>(
      `SELECT "check"."check_id" FROM "capacity_checks" "check"
         JOIN "delivery_contracts" "contract" ON "contract"."rental_id" = "check"."check_id"
        WHERE "check"."completed_at" IS NULL AND "contract"."windows_finished"`,
    );
    return rows.map((row) => row.check_id);
  }

  /** The check, locked, if it is still due; another replica completing it meanwhile makes this null. */
  async lockDue(checkId: string): Promise<DueCheck | null> {
    const [row] = await this.manager.query<DueRecord[]>(
      `SELECT "check"."check_id", "contract"."provider_id", "contract"."contracted_hashrate",
              "check"."request_event_id", "check"."correlation_id"
         FROM "capacity_checks" "check"
         JOIN "delivery_contracts" "contract" ON "contract"."rental_id" = "check"."check_id"
        WHERE "check"."check_id" = $1 AND "check"."completed_at" IS NULL AND "contract"."windows_finished"
        FOR UPDATE OF "check" SKIP LOCKED`,
      [checkId],
    );
    if (!row) return null;
    return {
      checkId: row.check_id,
      providerId: row.provider_id,
      claimedHashrate: row.contracted_hashrate,
      requestEventId: row.request_event_id,
      correlationId: row.correlation_id,
    };
  }

  /** The closed windows of the run, added up; the difficulty is the latest any window recorded. */
  async totals(checkId: string): Promise<CheckTotals> {
    const [row] = await this.manager.query<TotalsRecord[]>(
      `SELECT coalesce(sum("shares"), 0) AS "shares", coalesce(sum("work"), 0) AS "work",
              coalesce(sum("work_squared"), 0) AS "work_squared",
              coalesce(sum(("judgement" ->> 'measuredSeconds')::double precision), 0) AS "measured_seconds",
              coalesce(sum(("judgement" ->> 'rigConnectedSeconds')::double precision), 0) AS "rig_connected_seconds",
              (SELECT "last_difficulty" FROM "delivery_windows"
                WHERE "rental_id" = $1 AND "last_difficulty" IS NOT NULL
                ORDER BY "window_index" DESC LIMIT 1) AS "last_difficulty"
         FROM "delivery_windows" WHERE "rental_id" = $1 AND "closed_at" IS NOT NULL`,
      [checkId],
    );
    return {
      delivered: {
        shares: Number(row?.shares ?? 0),
        work: Number(row?.work ?? 0),
        workSquared: Number(row?.work_squared ?? 0),
      },
      measuredSeconds: Number(row?.measured_seconds ?? 0),
      rigConnectedSeconds: Number(row?.rig_connected_seconds ?? 0),
      lastDifficulty: row?.last_difficulty ?? null,
    };
  }

  async markCompleted(checkId: string, completedAt: Date, outcome: CapacityCheckOutcome, alpha: number): Promise<void> {
    await this.manager.query(
      `UPDATE "capacity_checks" SET "completed_at" = $2, "passed" = $3, "verified_hashrate" = $4, "judgement" = $5
        WHERE "check_id" = $1`,
      [checkId, completedAt, outcome.passed, outcome.verifiedHashrate, JSON.stringify({ ...outcome.judgement, alpha })],
    );
  }
}
