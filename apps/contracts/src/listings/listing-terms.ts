import { InvalidListingTermsError } from './listing.errors';

/** SHA-256 as Bitcoin mines it (double SHA-256): the only proof of work the verifier checks. */
export const listingAlgorithms = ['sha256d'] as const;

export type ListingAlgorithm = (typeof listingAlgorithms)[number];

export const listingLimits = {
  /** An hour: shorter rentals would end before the verifier had enough shares to judge them. */
  minDurationSeconds: 3_600,
  maxDurationSeconds: 365 * 86_400,
  /** Below 10^30 H/s, so every rental sold from a listing fits the rentals table's numeric(30, 0). */
  maxHashrate: 10n ** 30n - 1n,
  /** Prices travel as JSON numbers, so they stay within what a number holds exactly. */
  maxPricePerThDayMinor: BigInt(Number.MAX_SAFE_INTEGER),
} as const;

/** What a provider sells: the terms a listing offers to renters. */
export interface ListingTerms {
  readonly algorithm: ListingAlgorithm;
  /** H/s offered. */
  readonly hashrate: bigint;
  readonly minDurationSeconds: number;
  readonly maxDurationSeconds: number;
  /** Price per TH/s per day in integer minor units of `currency`. */
  readonly pricePerThDayMinor: bigint;
  /** ISO 4217, upper case. */
  readonly currency: string;
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** Every problem with a listing's terms, checked as a whole so an edit of one bound cannot cross the other. */
export function listingTermProblems(terms: ListingTerms): string[] {
  const problems: string[] = [];
  const { minDurationSeconds: shortest, maxDurationSeconds: longest } = listingLimits;
  if (!listingAlgorithms.includes(terms.algorithm))
    problems.push(`algorithm must be one of ${listingAlgorithms.join(', ')}`);
  if (terms.hashrate < 1n || terms.hashrate > listingLimits.maxHashrate) {
    problems.push(`hashrate must be from 1 to ${listingLimits.maxHashrate} H/s`);
  }
  for (const field of ['minDurationSeconds', 'maxDurationSeconds'] as const) {
    const value = terms[field];
    if (!Number.isInteger(value) || value < shortest || value > longest) {
      problems.push(`${field} must be a whole number of seconds from ${shortest} to ${longest}`);
    }
  }
  if (terms.minDurationSeconds > terms.maxDurationSeconds) {
    problems.push('minDurationSeconds must not exceed maxDurationSeconds');
  }
  if (terms.pricePerThDayMinor < 1n || terms.pricePerThDayMinor > listingLimits.maxPricePerThDayMinor) {
    problems.push(`pricePerThDayMinor must be from 1 to ${listingLimits.maxPricePerThDayMinor}`);
  }
  if (!/^[A-Z]{3}$/.test(terms.currency) || !knownCurrencies.has(terms.currency)) {
    problems.push('currency must be an ISO 4217 code such as USD');
  }
  return problems;
}

export function assertValidTerms(terms: ListingTerms): void {
  const problems = listingTermProblems(terms);
  if (problems.length > 0) throw new InvalidListingTermsError(problems.join('; '));
}

/** Whether a rental of `durationSeconds` may be bought from a listing with these terms. */
export function durationFits(
  terms: Pick<ListingTerms, 'minDurationSeconds' | 'maxDurationSeconds'>,
  durationSeconds: number,
) {
  return durationSeconds >= terms.minDurationSeconds && durationSeconds <= terms.maxDurationSeconds;
}
