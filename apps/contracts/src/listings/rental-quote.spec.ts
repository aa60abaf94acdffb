import { CapacityExhaustedError, ListingNotForSaleError, RentalOutsideListingError } from './listing.errors';
import type { ListingTerms } from './listing-terms';
import { quoteRental } from './rental-quote';

const TH = 1_000_000_000_000n;
const terms: ListingTerms = {
  algorithm: 'sha256d',
  hashrate: 100n * TH,
  minDurationSeconds: 86_400,
  maxDurationSeconds: 30 * 86_400,
  pricePerThDayMinor: 1_000n,
  currency: 'EUR',
};
const live = { status: 'live' as const, terms };

describe('quoting a rental from a listing', () => {
  it('prices what the listing has left, in its currency', () => {
    expect(quoteRental(live, 40n * TH, { hashrate: 60n * TH, durationSeconds: 7 * 86_400 })).toEqual({
      priceMinor: 420_000n,
      currency: 'EUR',
    });
  });

  it('sells only from a live listing', () => {
    for (const status of ['draft', 'paused', 'retired'] as const) {
      expect(() => quoteRental({ status, terms }, 0n, { hashrate: TH, durationSeconds: 86_400 })).toThrow(
        ListingNotForSaleError,
      );
    }
  });

  it('keeps the duration within the listing’s bounds, both included', () => {
    expect(() => quoteRental(live, 0n, { hashrate: TH, durationSeconds: 86_399 })).toThrow(
      'the listing rents for 86400 to 2592000 seconds, not 86399',
    );
    expect(() => quoteRental(live, 0n, { hashrate: TH, durationSeconds: 30 * 86_400 + 1 })).toThrow(
      RentalOutsideListingError,
    );
    expect(quoteRental(live, 0n, { hashrate: TH, durationSeconds: 30 * 86_400 }).priceMinor).toBe(30_000n);
  });

  it('never sells more than is available, nor nothing', () => {
    expect(() => quoteRental(live, 40n * TH, { hashrate: 60n * TH + 1n, durationSeconds: 86_400 })).toThrow(
      'the listing has 60000000000000 H/s available; 60000000000001 H/s cannot be rented from it',
    );
    expect(() => quoteRental(live, 40n * TH, { hashrate: 60n * TH + 1n, durationSeconds: 86_400 })).toThrow(
      CapacityExhaustedError,
    );
    expect(() => quoteRental(live, 0n, { hashrate: 0n, durationSeconds: 86_400 })).toThrow(RentalOutsideListingError);
  });
});
