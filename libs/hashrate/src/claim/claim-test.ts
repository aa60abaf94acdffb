import { poissonCdf } from '../poisson/poisson-cdf';
import { type DeliveredWork } from '../work/delivered-work';
import { effectiveShares } from '../work/effective-shares';
import { HASHES_PER_DIFFICULTY_ONE } from '../work/hashes-per-difficulty';
import { type ClaimVerdict } from './claim-verdict';

export interface ClaimTestInput {
  readonly delivered: DeliveredWork;
  readonly seconds: number;
  /** Hashes per second the provider sold. */
  readonly claimedHashrate: number;
  /** Fraction of the claim the provider may fall short by without being flagged; default 0. */
  readonly tolerance?: number;
  /** Significance level; default 0.01. */
  readonly alpha?: number;
  /** Difficulty to scale by when no share was accepted. */
  readonly difficultyInForce?: number;
}

export interface ClaimTestResult {
  readonly verdict: ClaimVerdict;
  /** P(N ≤ observed | provider delivering exactly (1 − τ) · claim); null when the window cannot tell. */
  readonly pValue: number | null;
  /** Effective shares expected from a provider delivering (1 − τ) · claim. */
  readonly expectedShares: number;
  readonly observedShares: number;
}

/**
 * One-sided test of H0 "the provider delivers at least (1 − τ) · claim" against "less".
 * The window cannot tell (insufficient-data) when even zero shares would not be significant,
 * i.e. P(N = 0 | λ0) = e^(−λ0) ≥ α; then no outcome could ever reject, so a verdict either way
 * would be noise.
 */
export function testClaim(input: ClaimTestInput): ClaimTestResult {
  const tolerance = input.tolerance ?? 0;
  const alpha = input.alpha ?? 0.01;
  validate(input, tolerance, alpha);
  const effective = effectiveShares(input.delivered, input.difficultyInForce);
  const promisedHashes = (1 - tolerance) * input.claimedHashrate * input.seconds;
  const expectedShares = promisedHashes / (effective.difficultyScale * HASHES_PER_DIFFICULTY_ONE);
  const observedShares = effective.count;
  if (Math.exp(-expectedShares) >= alpha) {
    return { verdict: 'insufficient-data', pValue: null, expectedShares, observedShares };
  }
  const pValue = poissonCdf(observedShares, expectedShares);
  return { verdict: pValue < alpha ? 'under-delivery' : 'ok', pValue, expectedShares, observedShares };
}

function validate(input: ClaimTestInput, tolerance: number, alpha: number): void {
  if (!(input.claimedHashrate >= 0) || !Number.isFinite(input.claimedHashrate)) {
    throw new RangeError(`claimed hash rate must be a finite number >= 0, got ${input.claimedHashrate}`);
  }
  if (!(tolerance >= 0 && tolerance < 1)) throw new RangeError(`tolerance must be in [0, 1), got ${tolerance}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(input.seconds > 0)) throw new RangeError(`window must be longer than 0 s, got ${input.seconds}`);
}
