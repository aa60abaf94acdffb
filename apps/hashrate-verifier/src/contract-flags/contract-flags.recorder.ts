import { Logger } from '@nestjs/common';
import { contractFlagClearedV1, contractFlaggedV1 } from '@hashproof/events';
import { type EventCause, type Outbox } from '@hashproof/messaging';
import type { EntityManager } from 'typeorm';
import { type ContractPurpose, publishesDeliveryEvents } from '../delivery-contracts/contract-purpose';
import type { FlagCause } from './flag-cause';
import { causesPresent, flagChanges, type FlagThresholds, type WindowFacts } from './flag-rules';

export interface ClosedWindowFlags {
  readonly rentalId: string;
  /** A capacity check's flags are kept as evidence but not published: there is no renter to tell. */
  readonly purpose: ContractPurpose;
  readonly windowIndex: number;
  readonly facts: WindowFacts;
  readonly evidence: Record<string, unknown>;
  readonly cause: EventCause;
}

/** Raises and clears a contract's flags as each window closes, in the close's transaction. */
export class ContractFlagsRecorder {
  private readonly logger = new Logger('ContractFlags');

  constructor(
    private readonly outbox: Outbox,
    private readonly thresholds: FlagThresholds,
  ) {}

  async record(transaction: EntityManager, window: ClosedWindowFlags): Promise<void> {
    const active = await this.activeCauses(transaction, window.rentalId);
    const changes = flagChanges(active, causesPresent(window.facts, this.thresholds, active));
    const published = publishesDeliveryEvents(window.purpose);
    const now = new Date().toISOString();
    for (const cause of changes.raise) {
      this.logger.warn({ msg: 'contract flagged', rentalId: window.rentalId, cause, windowIndex: window.windowIndex });
      await transaction.query(
        `INSERT INTO "contract_flags" ("rental_id", "cause", "raised_in_window", "evidence") VALUES ($1, $2, $3, $4)`,
        [window.rentalId, cause, window.windowIndex, JSON.stringify(window.evidence)],
      );
      if (!published) continue;
      await this.outbox.record(
        transaction,
        contractFlaggedV1,
        { rentalId: window.rentalId },
        {
          rentalId: window.rentalId,
          cause,
          windowIndex: window.windowIndex,
          raisedAt: now,
          evidence: window.evidence,
        },
        window.cause,
      );
    }
    for (const cause of changes.clear) {
      this.logger.log({
        msg: 'contract flag cleared',
        rentalId: window.rentalId,
        cause,
        windowIndex: window.windowIndex,
      });
      await transaction.query(
        `UPDATE "contract_flags" SET "cleared_at" = now(), "cleared_in_window" = $3
         WHERE "rental_id" = $1 AND "cause" = $2 AND "cleared_at" IS NULL`,
        [window.rentalId, cause, window.windowIndex],
      );
      if (!published) continue;
      await this.outbox.record(
        transaction,
        contractFlagClearedV1,
        { rentalId: window.rentalId },
        {
          rentalId: window.rentalId,
          cause,
          windowIndex: window.windowIndex,
          clearedAt: now,
        },
        window.cause,
      );
    }
  }

  private async activeCauses(transaction: EntityManager, rentalId: string): Promise<Set<FlagCause>> {
    const rows = await transaction.query<{ cause: FlagCause }[]>(
      `SELECT "cause" FROM "contract_flags" WHERE "rental_id" = $1 AND "cleared_at" IS NULL`,
      [rentalId],
    );
    return new Set(rows.map((row) => row.cause));
  }
}
