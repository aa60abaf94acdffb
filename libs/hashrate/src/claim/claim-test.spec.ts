import fc from 'fast-check';
import { seededRandom } from '../testing/seeded-random';
import { simulateWindow, type DifficultySegment } from '../testing/simulate-window';
import { deliveredWorkOf } from '../work/delivered-work';
import { HASHES_PER_DIFFICULTY_ONE } from '../work/hashes-per-difficulty';
import { testClaim } from './claim-test';

const WINDOWS_PER_RUN = 2000;

function flaggedFraction(
  trueRate: number,
  claim: number,
  segments: DifficultySegment[],
  seed: number,
  alpha: number,
): number {
  const random = seededRandom(seed);
  const seconds = segments.reduce((sum, segment) => sum + segment.seconds, 0);
  let flagged = 0;
  for (let i = 0; i < WINDOWS_PER_RUN; i++) {
    const delivered = simulateWindow(trueRate, segments, random);
    const result = testClaim({
      delivered,
      seconds,
      claimedHashrate: claim,
      alpha,
      difficultyInForce: segments[0]?.difficulty,
    });
    if (result.verdict === 'under-delivery') flagged++;
  }
  return flagged / WINDOWS_PER_RUN;
}

function binomialMargin(p: number): number {
  return 3.5 * Math.sqrt((p * (1 - p)) / WINDOWS_PER_RUN);
}

describe('testClaim', () => {
  it('gives a p-value of P(N ≤ n | λ0) with λ0 = (1 − τ)·claim·T / (d·2^32)', () => {
    const claim = (100 * 2 ** 32) / 3600; // 100 expected difficulty-1 shares in an hour
    const result = testClaim({
      delivered: deliveredWorkOf(Array(80).fill(1)),
      seconds: 3600,
      claimedHashrate: claim,
      tolerance: 0.1,
    });
    expect(result.expectedShares).toBeCloseTo(90, 9);
    expect(result.pValue).toBeCloseTo(0.1582, 3); // P(Poisson(90) ≤ 80)
    expect(result.verdict).toBe('ok');
  });

  it('flags a window that is improbably short of the claim', () => {
    const claim = (100 * 2 ** 32) / 3600;
    const result = testClaim({ delivered: deliveredWorkOf(Array(70).fill(1)), seconds: 3600, claimedHashrate: claim });
    expect(result.pValue).toBeLessThan(0.01);
    expect(result.verdict).toBe('under-delivery');
  });

  it('says insufficient-data when even zero shares would not be significant (e^-λ0 ≥ α)', () => {
    const claimFor = (expected: number) => (expected * HASHES_PER_DIFFICULTY_ONE) / 60;
    const none = deliveredWorkOf([]);
    expect(
      testClaim({ delivered: none, seconds: 60, claimedHashrate: claimFor(4.6), difficultyInForce: 1 }).verdict,
    ).toBe('insufficient-data');
    expect(
      testClaim({ delivered: none, seconds: 60, claimedHashrate: claimFor(4.61), difficultyInForce: 1 }).verdict,
    ).toBe('under-delivery');
  });

  it('rejects nonsense parameters', () => {
    const delivered = deliveredWorkOf([1]);
    expect(() => testClaim({ delivered, seconds: 0, claimedHashrate: 1 })).toThrow(RangeError);
    expect(() => testClaim({ delivered, seconds: 1, claimedHashrate: 1, alpha: 0 })).toThrow(RangeError);
    expect(() => testClaim({ delivered, seconds: 1, claimedHashrate: 1, tolerance: 1 })).toThrow(RangeError);
  });

  it('flags honest providers in at most about α of windows (calibration)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 800 }), // expected shares in the window
        fc.constantFrom(2 ** -22, 0.5, 1, 65536, 1e6),
        fc.constantFrom(0.01, 0.05),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (expectedShares, difficulty, alpha, seed) => {
          const seconds = 600;
          const rate = (expectedShares * difficulty * HASHES_PER_DIFFICULTY_ONE) / seconds;
          const fraction = flaggedFraction(rate, rate, [{ difficulty, seconds }], seed, alpha);
          expect(fraction).toBeLessThanOrEqual(alpha + binomialMargin(alpha));
        },
      ),
      { seed: 20260101, numRuns: 4 },
    );
  });

  it('stays calibrated when vardiff changes the difficulty inside the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 600 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (expectedAtBase, seed) => {
          const rate = (expectedAtBase * HASHES_PER_DIFFICULTY_ONE) / 300;
          const segments = [
            { difficulty: 1, seconds: 300 },
            { difficulty: 4, seconds: 300 },
          ];
          const fraction = flaggedFraction(rate, rate, segments, seed, 0.01);
          expect(fraction).toBeLessThanOrEqual(0.01 + binomialMargin(0.01));
        },
      ),
      { seed: 7, numRuns: 2 },
    );
  });

  it('catches a 20% shortfall over ~600 expected shares nearly always (power)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 600, max: 700 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (expectedShares, seed) => {
          const seconds = 3600;
          const claim = (expectedShares * HASHES_PER_DIFFICULTY_ONE) / seconds;
          const fraction = flaggedFraction(0.8 * claim, claim, [{ difficulty: 1, seconds }], seed, 0.01);
          expect(fraction).toBeGreaterThanOrEqual(0.99);
        },
      ),
      { seed: 11, numRuns: 2 },
    );
  });
});
