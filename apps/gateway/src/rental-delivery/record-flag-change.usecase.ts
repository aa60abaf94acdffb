import type { contractFlagClearedV1, contractFlaggedV1, EventOf } from '@hashproof/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FlagChange } from './flag-change.entity';

/**
 * Keeps each raise and clear as it comes, in whatever order the two topics deliver them; the same change
 * reported again is ignored.
 */
@Injectable()
export class RecordFlagChangeUseCase {
  async raised(event: EventOf<typeof contractFlaggedV1>, transaction: EntityManager): Promise<void> {
    const { rentalId, cause, windowIndex, raisedAt, evidence } = event.value;
    await this.insert(transaction, { rentalId, cause, windowIndex, kind: 'raised', at: new Date(raisedAt), evidence });
  }

  async cleared(event: EventOf<typeof contractFlagClearedV1>, transaction: EntityManager): Promise<void> {
    const { rentalId, cause, windowIndex, clearedAt } = event.value;
    await this.insert(transaction, {
      rentalId,
      cause,
      windowIndex,
      kind: 'cleared',
      at: new Date(clearedAt),
      evidence: null,
    });
  }

  private async insert(transaction: EntityManager, change: FlagChange): Promise<void> {
    await transaction.query(
      `INSERT INTO "delivery_flag_changes" ("rental_id", "cause", "window_index", "kind", "at", "evidence")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        change.rentalId,
        change.cause,
        change.windowIndex,
        change.kind,
        change.at,
        change.evidence === null ? null : JSON.stringify(change.evidence),
      ],
    );
  }
}
