import { deliveredWorkOf } from '../work/delivered-work';
import { effectiveShares } from '../work/effective-shares';
import { estimateHashrate } from './hashrate-estimate';

describe('estimateHashrate', () => {
  it('credits assigned difficulty: Σd · 2^32 / T', () => {
    const delivered = deliveredWorkOf([8, 8, 16]);
    const estimate = estimateHashrate({ delivered, seconds: 60 });
    expect(estimate.estimatedHashrate).toBe((32 * 2 ** 32) / 60);
    expect(estimate.lower).toBeLessThan(estimate.estimatedHashrate);
    expect(estimate.upper).toBeGreaterThan(estimate.estimatedHashrate);
  });

  it('equals the plain Garwood interval scaled by d at a single difficulty', () => {
    const estimate = estimateHashrate({ delivered: deliveredWorkOf(Array(10).fill(2)), seconds: 100 });
    expect(estimate.effectiveShareCount).toBe(10);
    expect(estimate.lower).toBeCloseTo((4.7954 * 2 * 2 ** 32) / 100, -5);
    expect(estimate.upper).toBeCloseTo((18.3904 * 2 * 2 ** 32) / 100, -5);
  });

  it('uses (Σd)² / Σd² effective shares when difficulties are mixed', () => {
    const effective = effectiveShares(deliveredWorkOf([1, 1, 4]));
    expect(effective.count).toBeCloseTo(36 / 18, 12);
    expect(effective.difficultyScale).toBeCloseTo(18 / 6, 12);
  });

  it('still bounds the rate from above when nothing was accepted', () => {
    const estimate = estimateHashrate({ delivered: deliveredWorkOf([]), seconds: 10, difficultyInForce: 4 });
    expect(estimate.estimatedHashrate).toBe(0);
    expect(estimate.lower).toBe(0);
    expect(estimate.upper).toBeCloseTo((3.689 * 4 * 2 ** 32) / 10, -6);
  });
});
