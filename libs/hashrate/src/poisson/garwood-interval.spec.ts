import { garwoodInterval } from './garwood-interval';
import { poissonCdf } from './poisson-cdf';

describe('Poisson tools', () => {
  it('gives the exact Poisson CDF at integer counts', () => {
    expect(poissonCdf(2, 3)).toBeCloseTo(Math.exp(-3) * (1 + 3 + 4.5), 13);
    expect(poissonCdf(0, 4.2)).toBeCloseTo(Math.exp(-4.2), 13);
    expect(poissonCdf(-1, 4.2)).toBe(0);
  });

  // 95% Garwood limits as tabulated (cross-checked with scipy chi2.ppf).
  it.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.5716],
    [10, 4.7954, 18.3904],
    [100, 81.364, 121.6268],
  ])('matches the published 95%% interval for n = %d', (count, lower, upper) => {
    const interval = garwoodInterval(count, 0.95);
    expect(interval.lower).toBeCloseTo(lower, 3);
    expect(interval.upper).toBeCloseTo(upper, 3);
  });
});
