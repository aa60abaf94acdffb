import fc from 'fast-check';
import { floorOfScaled } from './exact-number';

describe('floor(value × numerator / denominator) of a double', () => {
  it('is exact where a float product is not', () => {
    // 2^53 + 1 is not a double: the float product rounds it away.
    expect(floorOfScaled(2 ** 52, 2n, 1n) + 1n).toBe(2n ** 53n + 1n);
    expect(floorOfScaled(1.5, 10n ** 30n, 3n)).toBe(5n * 10n ** 29n);
    expect(floorOfScaled(0.5, 1n, 1n)).toBe(0n);
    expect(floorOfScaled(0, 7n, 3n)).toBe(0n);
  });

  it('reads tiny values (vardiff difficulties, subnormals) exactly', () => {
    expect(floorOfScaled(2 ** -16, 2n ** 32n, 1n)).toBe(2n ** 16n);
    expect(floorOfScaled(Number.MIN_VALUE, 2n ** 1074n, 1n)).toBe(1n);
  });

  it('agrees with float arithmetic wherever that is exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 20 }), fc.integer({ min: 0, max: 2 ** 20 }), (value, scale) => {
        expect(floorOfScaled(value / 1024, BigInt(scale), 7n)).toBe(BigInt(Math.floor((value * scale) / 1024 / 7)));
      }),
    );
  });

  it('refuses what is not a finite non-negative number, and a non-positive denominator', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => floorOfScaled(bad, 1n, 1n)).toThrow();
    expect(() => floorOfScaled(1, 1n, 0n)).toThrow(/denominator/);
  });
});
