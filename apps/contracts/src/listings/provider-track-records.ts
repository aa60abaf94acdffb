import type { EntityManager } from 'typeorm';
import type { RentalStatus } from '../rentals/rental-status';
import { isTrackRecordUnchanged, trackRecordChange } from './track-record';

/**
 * Adds a rental's move to its provider's kept track record, in the transaction of the move. The increment is
 * applied to the row as locked by the upsert, so concurrent moves of one provider's rentals all count; a move
 * that changes nothing (most of them) costs no statement.
 */
export async function keepTrackRecord(
  transaction: EntityManager,
  move: { readonly rentalId: string; readonly from: RentalStatus | null; readonly to: RentalStatus },
): Promise<void> {
  const change = trackRecordChange(move.from, move.to);
  if (isTrackRecordUnchanged(change)) return;
  await transaction.query(
    `INSERT INTO "provider_track_records" AS kept ("provider_id", "completed_rentals", "terminated_rentals")
       SELECT r.provider_id, $2, $3 FROM "rentals" r WHERE r.id = $1
     ON CONFLICT ("provider_id") DO UPDATE SET
       "completed_rentals" = kept.completed_rentals + excluded.completed_rentals,
       "terminated_rentals" = kept.terminated_rentals + excluded.terminated_rentals,
       "updated_at" = now()`,
    [move.rentalId, change.completedRentals, change.terminatedRentals],
  );
}
