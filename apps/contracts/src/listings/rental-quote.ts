import { CapacityExhaustedError, ListingNotForSaleError, RentalOutsideListingError } from './listing.errors';
import { availableHashrate } from './listing-availability';
import type { ListingStatus } from './listing-status';
import { durationFits, type ListingTerms } from './listing-terms';
import { rentalPriceMinor } from './rental-price';

export interface RentalRequest {
  /** H/s wanted. */
  readonly hashrate: bigint;
  readonly durationSeconds: number;
}

export interface RentalQuote {
  readonly priceMinor: bigint;
  readonly currency: string;
}

/**
 * What a rental from a listing costs, if the listing sells it: live, a duration within its bounds, and no
 * more hash rate than its rentals (`held`) leave. For the purchase step, under the locks that keep `held` current.
 */
export function quoteRental(
  listing: { readonly status: ListingStatus; readonly terms: ListingTerms },
  held: bigint,
  request: RentalRequest,
): RentalQuote {
  const { status, terms } = listing;
  if (status !== 'live') throw new ListingNotForSaleError(status);
  if (!durationFits(terms, request.durationSeconds)) {
    throw new RentalOutsideListingError(
      `the listing rents for ${terms.minDurationSeconds} to ${terms.maxDurationSeconds} seconds, ` +
        `not ${request.durationSeconds}`,
    );
  }
  const available = availableHashrate(terms.hashrate, held);
  if (request.hashrate < 1n) throw new RentalOutsideListingError('a rental takes at least 1 H/s');
  if (request.hashrate > available) {
    throw new CapacityExhaustedError(
      `the listing has ${available} H/s available; ${request.hashrate} H/s cannot be rented from it`,
    );
  }
  return {
    priceMinor: rentalPriceMinor({
      pricePerThDayMinor: terms.pricePerThDayMinor,
      hashrate: request.hashrate,
      durationSeconds: BigInt(request.durationSeconds),
    }),
    currency: terms.currency,
  };
}
