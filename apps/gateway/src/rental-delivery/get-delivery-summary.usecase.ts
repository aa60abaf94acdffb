import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { DeliveredRental } from './delivered-rental.entity';
import { DeliveryWindow } from './delivery-window.entity';
import { FlagChange } from './flag-change.entity';
import { type FlagEpisode, flagEpisodes } from './flag-episodes';
import { FindReadableRentalUseCase } from './find-readable-rental.usecase';

export interface DeliveryTotals {
  readonly windowsClosed: number;
  readonly acceptedShares: number;
  readonly rejectedByReason: Readonly<Record<string, number>>;
  readonly poolDownSeconds: number;
  readonly rigConnectedSeconds: number;
}

export interface DeliverySummary {
  readonly rentalId: string;
  /** Null while the rental's activation has not arrived (only admins get this far then). */
  readonly rental: DeliveredRental | null;
  /** The latest closed window: its contract-to-date judgement is the rental's current one. */
  readonly latestWindow: DeliveryWindow | null;
  readonly totals: DeliveryTotals;
  readonly flags: readonly FlagEpisode[];
}

/** What a rental has verifiably delivered so far, and what it has been flagged for. */
@Injectable()
export class GetDeliverySummaryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readableRental: FindReadableRentalUseCase,
  ) {}

  execute(caller: Principal, rentalId: string): Promise<DeliverySummary> {
    // One snapshot, so the totals, the latest judgement and the flags describe the same windows.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const rental = await this.readableRental.execute(caller, rentalId, manager);
      const latestWindow = await manager.findOne(DeliveryWindow, {
        where: { rentalId },
        order: { windowIndex: 'DESC' },
      });
      const totals = await this.totals(manager, rentalId);
      const flags = flagEpisodes(await manager.findBy(FlagChange, { rentalId }));
      return { rentalId, rental, latestWindow, totals, flags };
    });
  }

  private async totals(manager: EntityManager, rentalId: string): Promise<DeliveryTotals> {
    const [sums] = await manager.query<
      { windows: number; accepted: string; pool_down: number; rig_connected: number }[]
    >(
      `SELECT count(*)::int AS "windows", coalesce(sum("accepted_shares"), 0)::bigint AS "accepted",
              coalesce(sum("pool_down_seconds"), 0) AS "pool_down",
              coalesce(sum("rig_connected_seconds"), 0) AS "rig_connected"
       FROM "delivery_windows" WHERE "rental_id" = $1`,
      [rentalId],
    );
    const rejects = await manager.query<{ reason: string; count: string }[]>(
      `SELECT r."reason", sum(r."count"::bigint)::bigint AS "count"
       FROM "delivery_windows" w CROSS JOIN LATERAL jsonb_each_text(w."rejected_by_reason") AS r("reason", "count")
       WHERE w."rental_id" = $1
       GROUP BY r."reason" ORDER BY r."reason"`,
      [rentalId],
    );
    return {
      windowsClosed: sums?.windows ?? 0,
      acceptedShares: Number(sums?.accepted ?? 0),
      rejectedByReason: Object.fromEntries(rejects.map((row) => [row.reason, Number(row.count)])),
      poolDownSeconds: sums?.pool_down ?? 0,
      rigConnectedSeconds: sums?.rig_connected ?? 0,
    };
  }
}
