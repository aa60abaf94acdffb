import { type Client } from 'pg';

/** Rentals whose credential the endpoint will admit: a credential row joined to its contract. */
export async function admittedRentals(db: Client): Promise<number> {
  const { rows } = await db.query<{ admitted: string }>(
    `SELECT count(*) AS admitted FROM verifier.stratum_credentials JOIN verifier.delivery_contracts USING (rental_id)`,
  );
  return Number(rows[0]?.admitted ?? 0);
}

/** The processes serving the run: its database's backends, and the server's shared background ones. */
export async function postgresPids(db: Client): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL`,
  );
  return rows.map((row) => row.pid);
}

export interface WindowTotals {
  readonly windows: number;
  readonly closed: number;
  /** Valid shares in the tallies, and rejected ones (by any reason). */
  readonly counted: number;
  readonly rejected: number;
  readonly closedEventsPublished: number;
}

export async function windowTotals(db: Client): Promise<WindowTotals> {
  const { rows } = await db.query<Record<keyof WindowTotals, string>>(
    `SELECT count(*) AS windows, count(closed_at) AS closed, coalesce(sum(shares), 0) AS counted,
            coalesce(sum((SELECT sum(value::bigint) FROM jsonb_each_text(rejected_by_reason))), 0) AS rejected,
            (SELECT count(*) FROM verifier.outbox_messages
              WHERE topic = 'delivery.window-closed.v1' AND published_at IS NOT NULL) AS "closedEventsPublished"
       FROM verifier.delivery_windows`,
  );
  const row = rows[0];
  return {
    windows: Number(row?.windows),
    closed: Number(row?.closed),
    counted: Number(row?.counted),
    rejected: Number(row?.rejected),
    closedEventsPublished: Number(row?.closedEventsPublished),
  };
}
