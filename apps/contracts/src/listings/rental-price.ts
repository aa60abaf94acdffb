const hashesPerTerahash = 10n ** 12n;
const secondsPerDay = 86_400n;

export interface RentalPriceTerms {
  /** The listing's price per TH/s per day, in integer minor units of its currency. */
  readonly pricePerThDayMinor: bigint;
  /** H/s rented. */
  readonly hashrate: bigint;
  readonly durationSeconds: bigint;
}

/**
 * What a rental costs, in minor units of the listing's currency:
 * ceil(pricePerThDayMinor × hashrate × durationSeconds / (10^12 × 86400)), in exact integers. Rounded up so
 * that a fraction of a cent is charged, never given away; the purchase step charges exactly this.
 */
export function rentalPriceMinor({ pricePerThDayMinor, hashrate, durationSeconds }: RentalPriceTerms): bigint {
  if (pricePerThDayMinor < 0n || hashrate < 0n || durationSeconds < 0n) {
    throw new RangeError('price, hash rate and duration must not be negative');
  }
  const numerator = pricePerThDayMinor * hashrate * durationSeconds;
  const denominator = hashesPerTerahash * secondsPerDay;
  return (numerator + denominator - 1n) / denominator;
}
