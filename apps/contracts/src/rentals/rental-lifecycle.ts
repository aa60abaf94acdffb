import type { RentalStatus } from './rental-status';

/** Every legal move of a rental; anything else is refused. */
const allowedTransitions: Readonly<Record<RentalStatus, readonly RentalStatus[]>> = {
  pending_payment: ['active', 'cancelled'],
  active: ['completed', 'cancelled', 'disputed', 'terminated'],
  disputed: ['active', 'terminated', 'completed'],
  completed: ['settled', 'disputed'],
  cancelled: ['settled'],
  terminated: ['settled'],
  settled: [],
};

export class IllegalRentalTransitionError extends Error {
  constructor(
    readonly from: RentalStatus,
    readonly to: RentalStatus,
  ) {
    super(`a rental cannot go from ${from} to ${to}`);
    this.name = 'IllegalRentalTransitionError';
  }
}

export function canTransition(from: RentalStatus, to: RentalStatus): boolean {
  return allowedTransitions[from].includes(to);
}

export function assertTransition(from: RentalStatus, to: RentalStatus): void {
  if (!canTransition(from, to)) throw new IllegalRentalTransitionError(from, to);
}
