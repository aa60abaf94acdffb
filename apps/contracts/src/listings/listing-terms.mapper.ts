import type { Listing } from './listing.entity';
import type { ListingTerms } from './listing-terms';

/** A stored listing's terms in exact integers. */
export function termsOf(listing: Listing): ListingTerms {
  return {
    algorithm: listing.algorithm,
    hashrate: BigInt(listing.hashrate),
    minDurationSeconds: listing.minDurationSeconds,
    maxDurationSeconds: listing.maxDurationSeconds,
    pricePerThDayMinor: BigInt(listing.pricePerThDayMinor),
    currency: listing.currency,
  };
}
