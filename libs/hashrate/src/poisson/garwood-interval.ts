import { gammaQuantile } from '../gamma/gamma-quantile';

export interface PoissonInterval {
  lower: number;
  upper: number;
}

/**
 * Garwood's exact two-sided interval for a Poisson mean given an observed count:
 * [½χ²(α/2; 2n), ½χ²(1 − α/2; 2n + 2)], written with Gamma quantiles
 * (½χ²(p; 2k) is the p-quantile of Gamma(k, 1)).
 */
export function garwoodInterval(count: number, confidence: number): PoissonInterval {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const tail = (1 - confidence) / 2;
  const lower = count > 0 ? gammaQuantile(tail, count) : 0;
  const upper = gammaQuantile(1 - tail, count + 1);
  return { lower, upper };
}
