import { HASHES_PER_DIFFICULTY_ONE } from '@hashproof/hashrate';
import { floorOfScaled } from './exact-number';

const hashesPerShare = BigInt(HASHES_PER_DIFFICULTY_ONE);
const msPerSecond = 1000n;

/** What the renter bought, as its activation fixed it. */
export interface ContractTerms {
  /** V: what the renter paid, in minor units. */
  readonly paidMinor: bigint;
  /** T: the contracted period, from the start to the contracted end. */
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** R: the contracted hash rate, H/s. */
  readonly hashrate: bigint;
}

/** The verifier's last word on the rental. */
export interface MeasuredDelivery {
  /** The measured period: the contract's start to its end, or to the moment it was cancelled or terminated. */
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Difficulty-1 shares (2^32 hashes each) that were valid and accepted. */
  readonly deliveredWork: number;
  /** Time the renter's pool was down: the renter's side, so the provider is paid for it. */
  readonly poolDownSeconds: number;
}

export interface SettlementAmounts {
  readonly providerEarningsMinor: bigint;
  readonly renterRefundMinor: bigint;
  /** Milliseconds of the contracted hash rate the provider is paid for. */
  readonly creditedMs: bigint;
}

export class InvalidSettlementInputError extends Error {
  constructor(detail: string) {
    super(`cannot settle: ${detail}`);
    this.name = 'InvalidSettlementInputError';
  }
}

/**
 * What an ended rental's money comes to. The provider is credited with the time its delivered work stands for
 * at the contracted rate, plus the renter's pool outages, never more than the measured period; it earns that
 * share of the contract's value, rounded down, and the renter is refunded the rest. Integer milliseconds and
 * BigInt throughout, so the two amounts are exact and always add up to what was paid.
 */
export function settleRental(terms: ContractTerms, delivery: MeasuredDelivery): SettlementAmounts {
  assertSettleable(terms, delivery);
  const contractedMs = spanMs(terms.startsAt, terms.endsAt);
  const measuredMs = spanMs(delivery.startsAt, delivery.endsAt);
  const deliveredMs = floorOfScaled(delivery.deliveredWork, hashesPerShare * msPerSecond, terms.hashrate);
  const creditedMs = min(measuredMs, contractedMs, deliveredMs + poolDownMs(delivery.poolDownSeconds));
  const providerEarningsMinor = (terms.paidMinor * creditedMs) / contractedMs;
  return { providerEarningsMinor, renterRefundMinor: terms.paidMinor - providerEarningsMinor, creditedMs };
}

function assertSettleable(terms: ContractTerms, delivery: MeasuredDelivery): void {
  const problem =
    (spanMs(terms.startsAt, terms.endsAt) <= 0n && 'the contracted period is empty') ||
    (spanMs(delivery.startsAt, delivery.endsAt) < 0n && 'the measured period ends before it starts') ||
    (terms.paidMinor < 0n && 'the amount paid is negative') ||
    (terms.hashrate <= 0n && 'the contracted hash rate is not positive') ||
    (!isNonNegative(delivery.deliveredWork) && 'the delivered work is not a non-negative number') ||
    (!isNonNegative(delivery.poolDownSeconds) && 'the pool-down time is not a non-negative number');
  if (problem) throw new InvalidSettlementInputError(problem);
}

function spanMs(from: Date, to: Date): bigint {
  return BigInt(to.getTime() - from.getTime());
}

/**
 * The verifier counts outages in whole milliseconds and reports them in seconds; rounding recovers its count
 * from the float (flooring would turn 0.29 s, stored as 0.28999…, into 289 ms).
 */
function poolDownMs(seconds: number): bigint {
  return BigInt(Math.round(seconds * 1000));
}

function isNonNegative(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

function min(...values: bigint[]): bigint {
  return values.reduce((least, value) => (value < least ? value : least));
}
