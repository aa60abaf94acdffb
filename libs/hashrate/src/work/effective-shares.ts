import { type DeliveredWork } from './delivered-work';

/**
 * Shares of mixed difficulty behave like a scaled Poisson count: W ≈ scale · N with
 * N ~ Poisson. Matching mean and variance of W = Σ dᵢ gives scale = Σdᵢ² / Σdᵢ and
 * N_eff = W / scale = (Σdᵢ)² / Σdᵢ². With a single difficulty d this is exactly N and d.
 */
export interface EffectiveShares {
  readonly count: number;
  readonly difficultyScale: number;
}

export function effectiveShares(delivered: DeliveredWork, fallbackDifficulty?: number): EffectiveShares {
  if (delivered.work === 0) {
    // No accepted share: the count is 0 and the scale is whatever difficulty was in force.
    return { count: 0, difficultyScale: fallbackDifficulty ?? 1 };
  }
  const difficultyScale = delivered.workSquared / delivered.work;
  return { count: delivered.work / difficultyScale, difficultyScale };
}
