import type { RentalStatus } from '../rentals/rental-status';
import { RentalAlreadyStartedError, RentalNotCancellableError } from './purchase.errors';

/**
 * What a renter's cancel does to a rental in `status`: one awaiting payment is cancelled, one already
 * cancelled stays so (a repeated cancel changes nothing). A started rental is refused with a pointer to the
 * pro-rata cancellation, and a finished one is simply refused.
 */
export function renterCancellation(status: RentalStatus): 'cancel' | 'already-cancelled' {
  if (status === 'pending_payment') return 'cancel';
  if (status === 'cancelled') return 'already-cancelled';
  if (status === 'active' || status === 'disputed') throw new RentalAlreadyStartedError(status);
  throw new RentalNotCancellableError(`a ${status} rental cannot be cancelled`);
}
