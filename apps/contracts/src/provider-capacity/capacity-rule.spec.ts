import { assertCapacityFor, type CapacityRequest, hasCapacityFor, InsufficientCapacityError } from './capacity-rule';

const TH = 1_000_000_000_000n;
const providerId = '6f1c1b7e-3f0a-4b8e-9d4b-2a9f5c1e7d30';
const request = (verified: bigint | null, committed: bigint, requested: bigint): CapacityRequest => ({
  providerId,
  verified,
  committed,
  requested,
});

describe('the capacity rule', () => {
  it('sells up to exactly the verified hash rate', () => {
    expect(hasCapacityFor(request(100n * TH, 90n * TH, 10n * TH))).toBe(true);
    expect(hasCapacityFor(request(100n * TH, 0n, 100n * TH))).toBe(true);
  });

  it('refuses one hash per second beyond it', () => {
    expect(hasCapacityFor(request(100n * TH, 90n * TH, 10n * TH + 1n))).toBe(false);
    expect(hasCapacityFor(request(100n * TH, 100n * TH, 1n))).toBe(false);
  });

  it('refuses a provider that never completed a check, and one whose latest check verified nothing', () => {
    expect(hasCapacityFor(request(null, 0n, 1n))).toBe(false);
    expect(hasCapacityFor(request(0n, 0n, 1n))).toBe(false);
  });

  it('refuses a request for no hash rate at all', () => {
    expect(hasCapacityFor(request(100n * TH, 0n, 0n))).toBe(false);
  });

  it('stays exact where floating point would round: exahash rates beyond 2^53', () => {
    const verified = 10n ** 29n + 7n;
    expect(hasCapacityFor(request(verified, 10n ** 29n, 7n))).toBe(true);
    expect(hasCapacityFor(request(verified, 10n ** 29n, 8n))).toBe(false);
    expect(Number(10n ** 29n) + 8 <= Number(verified)).toBe(true);
  });

  it('names verified, committed and requested hash rates when it refuses', () => {
    expect(() => assertCapacityFor(request(100n * TH, 95n * TH, 10n * TH))).toThrow(
      `provider ${providerId} cannot take 10000000000000 H/s more: verified 100000000000000 H/s, ` +
        'committed 95000000000000 H/s, requested 10000000000000 H/s',
    );
    expect(() => assertCapacityFor(request(null, 0n, 10n * TH))).toThrow(
      'verified none, committed 0 H/s, requested 10000000000000 H/s',
    );
    expect(() => assertCapacityFor(request(null, 0n, 1n))).toThrow(InsufficientCapacityError);
    expect(() => assertCapacityFor(request(100n * TH, 90n * TH, 10n * TH))).not.toThrow();
  });
});
