import { upperRegularizedGamma } from '../gamma/regularized-gamma';

/**
 * P(N ≤ count) for N ~ Poisson(mean). For integer counts this is the exact Poisson CDF
 * (P(N ≤ n) = Q(n + 1, λ)); for a non-integer effective count it is the continuous
 * extension through the same identity, which is what the mixed-difficulty model needs.
 */
export function poissonCdf(count: number, mean: number): number {
  if (count < 0) return 0;
  if (mean === 0) return 1;
  return upperRegularizedGamma(count + 1, mean);
}
