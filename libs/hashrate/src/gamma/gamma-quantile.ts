import { lowerRegularizedGamma } from './regularized-gamma';

const RELATIVE_TOLERANCE = 1e-12;
const MAX_BISECTIONS = 400;

/**
 * Quantile of the Gamma(shape, 1) distribution: the x with P(shape, x) = probability.
 * Bisection on a bracket that is grown until it holds the root: slower than Newton but it
 * cannot diverge, and the statistics call this a handful of times per audit.
 */
export function gammaQuantile(probability: number, shape: number): number {
  if (!(probability >= 0 && probability <= 1))
    throw new RangeError(`probability must be in [0, 1], got ${probability}`);
  if (!(shape > 0)) throw new RangeError(`shape must be > 0, got ${shape}`);
  if (probability === 0) return 0;
  if (probability === 1) return Infinity;
  let low = 0;
  let high = Math.max(1, shape);
  while (lowerRegularizedGamma(shape, high) < probability) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < MAX_BISECTIONS && high - low > RELATIVE_TOLERANCE * high; i++) {
    const middle = (low + high) / 2;
    if (lowerRegularizedGamma(shape, middle) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
