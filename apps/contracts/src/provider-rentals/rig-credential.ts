import type { RentalStatus } from '../rentals/rental-status';

/**
 * Rentals the provider's rigs mine for: active ones, and disputed ones, which keep running (and being
 * measured) until the dispute is decided. Others have no use for a credential, so it is not shown.
 */
const miningStatuses: readonly RentalStatus[] = ['active', 'disputed'];

/** The worker name the provider's rigs use for a rental, when they should be mining it; null otherwise. */
export function rigCredentialOf(rental: { status: RentalStatus; stratumCredential: string | null }): string | null {
  return miningStatuses.includes(rental.status) ? rental.stratumCredential : null;
}
