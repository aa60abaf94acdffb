import type { RentalStatus } from '../rentals/rental-status';
import { RentalDisputedError, RentalNotCancellableError } from './purchase.errors';

export type RenterCancellation = 'cancel-before-start' | 'cancel-pro-rata' | 'already-cancelled';

/**
 * What a renter's cancel does to a rental in `status`: one awaiting payment is cancelled before it starts, a
 * running one ends now and is settled pro rata, and one already cancelled stays so (a repeated cancel changes
 * nothing). A disputed rental waits for the dispute's resolution, and a finished one is simply refused.
 */
export function renterCancellation(status: RentalStatus): RenterCancellation {
  if (status === 'pending_payment') return 'cancel-before-start';
  if (status === 'active') return 'cancel-pro-rata';
  if (status === 'cancelled') return 'already-cancelled';
  if (status === 'disputed') throw new RentalDisputedError();
  throw new RentalNotCancellableError(`a ${status} rental cannot be cancelled`);
}
