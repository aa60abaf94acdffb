import { HashrateBelowRentedError } from './listing.errors';
import { assertHashrateCoversRentals, availableHashrate } from './listing-availability';

const TH = 1_000_000_000_000n;

describe('listing availability', () => {
  it('is what the listing offers less what its rentals hold', () => {
    expect(availableHashrate(100n * TH, 0n)).toBe(100n * TH);
    expect(availableHashrate(100n * TH, 30n * TH)).toBe(70n * TH);
    expect(availableHashrate(100n * TH, 100n * TH)).toBe(0n);
  });

  it('never goes below zero', () => {
    expect(availableHashrate(10n * TH, 30n * TH)).toBe(0n);
  });

  it('is exact beyond 2^53', () => {
    expect(availableHashrate(10n ** 29n + 7n, 10n ** 29n)).toBe(7n);
  });

  it('refuses a hash rate below what the rentals hold, and allows exactly that', () => {
    expect(() => assertHashrateCoversRentals(30n * TH - 1n, 30n * TH)).toThrow(HashrateBelowRentedError);
    expect(() => assertHashrateCoversRentals(30n * TH - 1n, 30n * TH)).toThrow(
      "the listing's rentals hold 30000000000000 H/s; its hash rate cannot go down to 29999999999999 H/s",
    );
    expect(() => assertHashrateCoversRentals(30n * TH, 30n * TH)).not.toThrow();
  });
});
