import type { rentalLifecycleStatuses } from '@hashproof/events';

type RentalStatus = (typeof rentalLifecycleStatuses)[number];

export const rentalEndStatuses = ['completed', 'cancelled', 'terminated'] as const;

export type RentalEndStatus = (typeof rentalEndStatuses)[number];

/**
 * Whether a status change ended a paid rental, and how: run to its end, terminated, or cancelled while it ran
 * (pro rata). A rental cancelled before payment never had a settlement, so that cancellation is no ending here.
 */
export function paidRentalEnding(change: { from: RentalStatus | null; to: RentalStatus }): RentalEndStatus | null {
  if (change.to === 'completed' || change.to === 'terminated') return change.to;
  if (change.to === 'cancelled' && (change.from === 'active' || change.from === 'disputed')) return 'cancelled';
  return null;
}
