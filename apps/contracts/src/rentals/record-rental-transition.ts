import { rentalStatusChangedV1 } from '@hashproof/events';
import type { EventCause, Outbox } from '@hashproof/messaging';
import type { EntityManager } from 'typeorm';
import { keepTrackRecord } from '../listings/provider-track-records';
import type { RentalStatus } from './rental-status';
import { RentalTransition } from './rental-transition.entity';

export interface RentalTransitionRecord {
  readonly rentalId: string;
  readonly from: RentalStatus | null;
  readonly to: RentalStatus;
  /** e.g. "renter:<id>", "stripe:<event id>", "system:payment-hold-expired". */
  readonly actor: string;
  readonly reason: string | null;
  readonly cause: EventCause;
}

/**
 * The audit row of a status change, its rentals.status-changed event and what it adds to the provider's track
 * record, written in the transaction of the change itself: the trail in the database, the one on Kafka and the
 * counts renters filter on never disagree. Returns when it happened.
 */
export async function recordRentalTransition(
  transaction: EntityManager,
  outbox: Outbox,
  change: RentalTransitionRecord,
): Promise<Date> {
  const at = new Date();
  await transaction.insert(RentalTransition, {
    rentalId: change.rentalId,
    fromStatus: change.from,
    toStatus: change.to,
    actor: change.actor,
    reason: change.reason,
    occurredAt: at,
  });
  await keepTrackRecord(transaction, change);
  await outbox.record(
    transaction,
    rentalStatusChangedV1,
    { rentalId: change.rentalId },
    {
      rentalId: change.rentalId,
      from: change.from,
      to: change.to,
      actor: change.actor,
      reason: change.reason,
      at: at.toISOString(),
    },
    change.cause,
  );
  return at;
}
