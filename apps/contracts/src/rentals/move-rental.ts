import type { EventCause, Outbox } from '@hashproof/messaging';
import type { EntityManager } from 'typeorm';
import { recordRentalTransition } from './record-rental-transition';
import { assertTransition } from './rental-lifecycle';
import { Rental } from './rental.entity';
import { RentalNotFoundError } from './rental.errors';
import type { RentalStatus } from './rental-status';

export interface RentalMove {
  readonly to: RentalStatus;
  /** e.g. "renter:<id>", "admin:<id>", "system:contract-ended". */
  readonly actor: string;
  readonly reason: string | null;
  readonly cause: EventCause;
}

export interface RecordedMove {
  readonly rentalId: string;
  readonly from: RentalStatus;
  readonly to: RentalStatus;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: Date;
}

/** The rental, locked for the rest of the transaction so that concurrent moves of it queue up. */
export async function lockRental(transaction: EntityManager, rentalId: string): Promise<Rental> {
  const rental = await transaction.findOne(Rental, { where: { id: rentalId }, lock: { mode: 'pessimistic_write' } });
  if (!rental) throw new RentalNotFoundError();
  return rental;
}

/**
 * Moves a locked rental if its lifecycle allows it (IllegalRentalTransitionError otherwise), with the audit
 * row and rentals.status-changed in the same transaction.
 */
export async function moveRental(
  transaction: EntityManager,
  outbox: Outbox,
  rental: Rental,
  move: RentalMove,
): Promise<RecordedMove> {
  const from = rental.status;
  assertTransition(from, move.to);
  rental.status = move.to;
  await transaction.save(rental);
  const at = await recordRentalTransition(transaction, outbox, { rentalId: rental.id, from, ...move });
  return { rentalId: rental.id, from, to: move.to, actor: move.actor, reason: move.reason, at };
}
