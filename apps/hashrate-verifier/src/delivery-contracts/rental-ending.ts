import type { EventValue, rentalLifecycleStatuses, rentalStatusChangedV1 } from '@hashproof/events';

type RentalStatus = (typeof rentalLifecycleStatuses)[number];
type StatusChange = Pick<EventValue<typeof rentalStatusChangedV1>, 'from' | 'to'>;
export type EarlyEnding = 'cancelled' | 'terminated';

/** While it runs a rental is measured; a dispute does not stop the measurement. */
const running: readonly RentalStatus[] = ['active', 'disputed'];
/** A pro-rata cancellation by the renter, or a termination by an admin or for under-delivery. */
const endedEarly: readonly RentalStatus[] = ['cancelled', 'terminated'] satisfies EarlyEnding[];

/**
 * Whether a status change ends the measurement before the contract's end. Every other move is not the
 * verifier's business: a rental cancelled before it started was never measured, and one completing ends at its
 * contract's end anyway.
 */
export function endsMeasurementEarly<C extends StatusChange>(change: C): change is C & { readonly to: EarlyEnding } {
  return change.from !== null && running.includes(change.from) && endedEarly.includes(change.to);
}

/**
 * The contract's end once the rental ended at `endedAt`: never later than it was (an ending never extends a
 * contract), and never before its start (a contract ended before it began measures nothing, not less than nothing).
 */
export function shortenedEnd(contract: { readonly startsAt: Date; readonly endsAt: Date }, endedAt: Date): Date {
  const end = Math.min(contract.endsAt.getTime(), Math.max(contract.startsAt.getTime(), endedAt.getTime()));
  return new Date(end);
}
