import { HashrateBelowRentedError } from './listing.errors';

/**
 * H/s of a listing still for sale: what it offers less what its rentals hold (pending payment, active or
 * disputed, as for the provider's capacity). Never below zero, even if rentals were opened outside the listing.
 */
export function availableHashrate(offered: bigint, held: bigint): bigint {
  return offered > held ? offered - held : 0n;
}

/** A listing may never offer less than its rentals already hold: they were sold against it. */
export function assertHashrateCoversRentals(requested: bigint, held: bigint): void {
  if (requested < held) throw new HashrateBelowRentedError(requested, held);
}
