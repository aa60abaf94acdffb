import { gammaQuantile } from './gamma-quantile';
import { logGamma } from './log-gamma';
import { lowerRegularizedGamma, upperRegularizedGamma } from './regularized-gamma';

describe('incomplete gamma', () => {
  it('matches log Γ at integers and at one half', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 8);
  });

  it('reduces to the exponential distribution for shape 1', () => {
    for (const x of [0.001, 0.5, 1, 3, 30]) {
      expect(lowerRegularizedGamma(1, x)).toBeCloseTo(1 - Math.exp(-x), 13);
      expect(upperRegularizedGamma(1, x)).toBeCloseTo(Math.exp(-x), 13);
    }
  });

  it('keeps P + Q = 1 on both sides of the series/continued-fraction switch', () => {
    for (const [a, x] of [
      [0.3, 0.2],
      [4, 4.9],
      [4, 5.1],
      [600, 540],
      [600, 700],
    ] as const) {
      expect(lowerRegularizedGamma(a, x) + upperRegularizedGamma(a, x)).toBeCloseTo(1, 12);
    }
  });

  it('inverts P with the quantile', () => {
    for (const [p, a] of [
      [0.025, 1],
      [0.975, 11],
      [0.5, 0.5],
      [1e-6, 600],
    ] as const) {
      expect(lowerRegularizedGamma(a, gammaQuantile(p, a))).toBeCloseTo(p, 10);
    }
  });

  it('rejects arguments outside the domain', () => {
    expect(() => lowerRegularizedGamma(0, 1)).toThrow(RangeError);
    expect(() => gammaQuantile(1.5, 1)).toThrow(RangeError);
  });
});
