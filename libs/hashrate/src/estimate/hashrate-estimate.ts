import { garwoodInterval } from '../poisson/garwood-interval';
import { type DeliveredWork } from '../work/delivered-work';
import { effectiveShares } from '../work/effective-shares';
import { HASHES_PER_DIFFICULTY_ONE } from '../work/hashes-per-difficulty';

export interface HashrateEstimate {
  /** Hashes per second: Σd · 2^32 / seconds. */
  readonly estimatedHashrate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly effectiveShareCount: number;
}

export interface HashrateEstimateInput {
  readonly delivered: DeliveredWork;
  readonly seconds: number;
  /** Two-sided confidence of [lower, upper]; default 0.95. */
  readonly confidence?: number;
  /** Difficulty to scale the interval by when no share was accepted. */
  readonly difficultyInForce?: number;
}

export function estimateHashrate(input: HashrateEstimateInput): HashrateEstimate {
  const confidence = input.confidence ?? 0.95;
  if (!(input.seconds > 0)) throw new RangeError(`window must be longer than 0 s, got ${input.seconds}`);
  const effective = effectiveShares(input.delivered, input.difficultyInForce);
  const hashesPerEffectiveShare = effective.difficultyScale * HASHES_PER_DIFFICULTY_ONE;
  const interval = garwoodInterval(effective.count, confidence);
  return {
    estimatedHashrate: (input.delivered.work * HASHES_PER_DIFFICULTY_ONE) / input.seconds,
    lower: (interval.lower * hashesPerEffectiveShare) / input.seconds,
    upper: (interval.upper * hashesPerEffectiveShare) / input.seconds,
    confidence,
    effectiveShareCount: effective.count,
  };
}
