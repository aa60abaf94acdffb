import { InvalidListingTermsError } from './listing.errors';
import { assertValidTerms, durationFits, type ListingTerms, listingLimits, listingTermProblems } from './listing-terms';

const terms: ListingTerms = {
  algorithm: 'sha256d',
  hashrate: 100_000_000_000_000n,
  minDurationSeconds: 86_400,
  maxDurationSeconds: 30 * 86_400,
  pricePerThDayMinor: 1_000n,
  currency: 'USD',
};

describe('listing terms', () => {
  it('accepts sensible terms', () => {
    expect(listingTermProblems(terms)).toEqual([]);
    expect(() => assertValidTerms(terms)).not.toThrow();
  });

  it('refuses a minimum duration above the maximum, as after editing only one of them', () => {
    expect(listingTermProblems({ ...terms, minDurationSeconds: 31 * 86_400 })).toEqual([
      'minDurationSeconds must not exceed maxDurationSeconds',
    ]);
  });

  it('bounds durations, hash rate and price', () => {
    expect(listingTermProblems({ ...terms, minDurationSeconds: listingLimits.minDurationSeconds - 1 })).toEqual([
      'minDurationSeconds must be a whole number of seconds from 3600 to 31536000',
    ]);
    expect(listingTermProblems({ ...terms, maxDurationSeconds: 366 * 86_400 })).toHaveLength(1);
    expect(listingTermProblems({ ...terms, hashrate: 0n })).toEqual([
      'hashrate must be from 1 to ' + (10n ** 30n - 1n) + ' H/s',
    ]);
    expect(listingTermProblems({ ...terms, hashrate: 10n ** 30n })).toHaveLength(1);
    expect(listingTermProblems({ ...terms, hashrate: 10n ** 30n - 1n })).toEqual([]);
    expect(listingTermProblems({ ...terms, pricePerThDayMinor: 0n })).toHaveLength(1);
    expect(listingTermProblems({ ...terms, pricePerThDayMinor: BigInt(Number.MAX_SAFE_INTEGER) + 1n })).toHaveLength(1);
  });

  it('takes ISO 4217 currency codes only', () => {
    expect(listingTermProblems({ ...terms, currency: 'EUR' })).toEqual([]);
    for (const currency of ['usd', 'US', 'XYZ', 'BTC']) {
      expect(listingTermProblems({ ...terms, currency })).toEqual(['currency must be an ISO 4217 code such as USD']);
    }
  });

  it('names every problem at once', () => {
    expect(() => assertValidTerms({ ...terms, hashrate: 0n, currency: 'usd' })).toThrow(InvalidListingTermsError);
    expect(() => assertValidTerms({ ...terms, hashrate: 0n, currency: 'usd' })).toThrow(
      /hashrate must be .*; currency must be an ISO 4217 code/,
    );
  });

  it('fits a rental duration between the minimum and maximum, both included', () => {
    expect(durationFits(terms, 86_400)).toBe(true);
    expect(durationFits(terms, 30 * 86_400)).toBe(true);
    expect(durationFits(terms, 86_399)).toBe(false);
    expect(durationFits(terms, 30 * 86_400 + 1)).toBe(false);
  });
});
