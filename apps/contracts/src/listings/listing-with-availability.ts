import type { Listing } from './listing.entity';

/** A listing with the H/s its rentals hold; what is left for sale follows from both. */
export interface ListingWithAvailability {
  readonly listing: Listing;
  readonly held: bigint;
}
