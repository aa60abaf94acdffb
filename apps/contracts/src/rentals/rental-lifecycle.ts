import { DomainError } from '../problem-details/domain-error';
import type { RentalStatus } from './rental-status';

/** Every legal move of a rental; anything else is refused. */
const allowedTransitions: Readonly<Record<RentalStatus, readonly RentalStatus[]>> = {
  pending_payment: ['active', 'cancelled'],
  active: ['completed', 'cancelled', 'disputed', 'terminated'],
  // A dispute is raised while the rental runs and resolved by reinstating it (it then completes at its end
  // as any active rental does) or by terminating it.
  disputed: ['active', 'terminated'],
  completed: ['settled'],
  cancelled: ['settled'],
  terminated: ['settled'],
  settled: [],
};

export class IllegalRentalTransitionError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'illegal-rental-transition';

  constructor(
    readonly from: RentalStatus,
    readonly to: RentalStatus,
  ) {
    super(`a rental cannot go from ${from} to ${to}`);
    this.name = 'IllegalRentalTransitionError';
  }

  override problemExtensions(): Readonly<Record<string, string>> {
    return { from: this.from, to: this.to };
  }
}

export function canTransition(from: RentalStatus, to: RentalStatus): boolean {
  return allowedTransitions[from].includes(to);
}

export function assertTransition(from: RentalStatus, to: RentalStatus): void {
  if (!canTransition(from, to)) throw new IllegalRentalTransitionError(from, to);
}
