import { rentalPriceMinor } from './rental-price';

const TH = 1_000_000_000_000n;
const DAY = 86_400n;

describe('the rental price rule', () => {
  it('charges price × TH/s × days when that is a whole number of minor units', () => {
    // 50 TH/s for 7 days at $10.00 per TH/s per day: $3,500.00.
    expect(rentalPriceMinor({ pricePerThDayMinor: 1_000n, hashrate: 50n * TH, durationSeconds: 7n * DAY })).toBe(
      350_000n,
    );
    // 1 EH/s for 30 days at $50.00: 10^6 TH/s × 30 days × 5000 cents.
    expect(rentalPriceMinor({ pricePerThDayMinor: 5_000n, hashrate: 10n ** 18n, durationSeconds: 30n * DAY })).toBe(
      150_000_000_000n,
    );
  });

  it('rounds a fraction of a minor unit up, never down', () => {
    // 1 TH/s for an hour at $10.00 per day: 41.67 cents, charged 42.
    expect(rentalPriceMinor({ pricePerThDayMinor: 1_000n, hashrate: TH, durationSeconds: 3_600n })).toBe(42n);
    // 1 H/s for a second at one cent per TH/s per day is a vanishing fraction of a cent: still one cent.
    expect(rentalPriceMinor({ pricePerThDayMinor: 1n, hashrate: 1n, durationSeconds: 1n })).toBe(1n);
    // 1.5 TH/s for a day at 3 cents: exactly 4.5, charged 5.
    expect(rentalPriceMinor({ pricePerThDayMinor: 3n, hashrate: 1_500_000_000_000n, durationSeconds: DAY })).toBe(5n);
  });

  it('charges nothing for nothing, and exactly at a whole unit does not round up', () => {
    expect(rentalPriceMinor({ pricePerThDayMinor: 0n, hashrate: 50n * TH, durationSeconds: DAY })).toBe(0n);
    expect(rentalPriceMinor({ pricePerThDayMinor: 7n, hashrate: 2n * TH, durationSeconds: DAY })).toBe(14n);
  });

  it('stays exact beyond 2^53, where floating point would round', () => {
    // 123456789.012345678901 TH/s for a day at 3 cents: 370370367.037… cents, charged 370370368.
    const hashrate = 123_456_789_012_345_678_901n;
    expect(rentalPriceMinor({ pricePerThDayMinor: 3n, hashrate, durationSeconds: DAY })).toBe(370_370_368n);
    const huge = rentalPriceMinor({
      pricePerThDayMinor: BigInt(Number.MAX_SAFE_INTEGER),
      hashrate: 10n ** 30n - 1n,
      durationSeconds: 365n * DAY,
    });
    expect(huge).toBe(3_287_627_727_980_461_714_999_999_999_996_712_373n);
  });

  it('refuses negative terms', () => {
    expect(() => rentalPriceMinor({ pricePerThDayMinor: -1n, hashrate: TH, durationSeconds: DAY })).toThrow(RangeError);
    expect(() => rentalPriceMinor({ pricePerThDayMinor: 1n, hashrate: TH, durationSeconds: -1n })).toThrow(RangeError);
  });
});
