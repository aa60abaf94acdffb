import { deliveredWorkOf, NO_WORK } from '@hashproof/hashrate';
import { type CheckEvidence, judgeCapacityCheck, verifiedHashrate } from './capacity-check-outcome';

// 2^32 H/s at difficulty 1 for 600 s: a rig delivering exactly the claim finds 600 shares on average.
const claimedHashrate = String(2 ** 32);
const enforcement = { alpha: 0.001, tolerance: 0 };
const run = (shares: number, overrides: Partial<CheckEvidence> = {}): CheckEvidence => ({
  claimedHashrate,
  delivered: deliveredWorkOf(Array.from({ length: shares }, () => 1)),
  measuredSeconds: 600,
  rigConnectedSeconds: 600,
  difficultyInForce: 1,
  ...overrides,
});

describe('judgeCapacityCheck', () => {
  it('passes a run that delivered the claim and verifies the lower bound of its interval, in whole H/s', () => {
    const outcome = judgeCapacityCheck(run(600), enforcement);
    expect(outcome.passed).toBe(true);
    expect(outcome.judgement.verdict).toBe('ok');
    expect(outcome.judgement.acceptedShares).toBe(600);
    expect(outcome.judgement.lower).toBeLessThan(2 ** 32);
    expect(outcome.verifiedHashrate).toBe(String(Math.floor(outcome.judgement.lower)));
  });

  it('never verifies more than was claimed, however much more the rigs showed', () => {
    const outcome = judgeCapacityCheck(run(700), enforcement);
    expect(outcome.passed).toBe(true);
    expect(outcome.judgement.lower).toBeGreaterThan(2 ** 32);
    expect(outcome.verifiedHashrate).toBe(claimedHashrate);
  });

  it('fails an under-delivering run and verifies nothing', () => {
    const outcome = judgeCapacityCheck(run(500), enforcement);
    expect(outcome).toMatchObject({ passed: false, verifiedHashrate: '0' });
    expect(outcome.judgement.verdict).toBe('under-delivery');
    expect(outcome.judgement.pValue).toBeLessThan(0.001);
    expect(outcome.judgement.lower).toBeGreaterThan(0);
  });

  it('judges at the α it is given: a shortfall that review would flag does not fail a check at enforcement α', () => {
    // P(N ≤ 534 | 600) ≈ 0.0033: between the review (0.01) and enforcement (0.001) significance.
    expect(judgeCapacityCheck(run(534), enforcement).passed).toBe(true);
    expect(judgeCapacityCheck(run(534), { alpha: 0.01, tolerance: 0 })).toMatchObject({
      passed: false,
      verifiedHashrate: '0',
    });
  });

  it('calls a run no rig ever joined insufficient data, not under-delivery, and fails it', () => {
    const outcome = judgeCapacityCheck(run(0, { delivered: NO_WORK, rigConnectedSeconds: 0 }), enforcement);
    expect(outcome).toMatchObject({ passed: false, verifiedHashrate: '0' });
    expect(outcome.judgement).toMatchObject({ verdict: 'insufficient-data', pValue: null, acceptedShares: 0 });
  });

  it('holds silence against rigs that did connect', () => {
    const outcome = judgeCapacityCheck(run(0, { delivered: NO_WORK }), enforcement);
    expect(outcome).toMatchObject({ passed: false, verifiedHashrate: '0' });
    expect(outcome.judgement.verdict).toBe('under-delivery');
  });

  it('fails a run too short to tell and one the chosen pool was down for throughout', () => {
    // Fewer than ln(1/α) ≈ 6.9 shares expected: not even silence would be significant.
    expect(judgeCapacityCheck(run(6, { measuredSeconds: 6 }), enforcement)).toMatchObject({
      passed: false,
      verifiedHashrate: '0',
      judgement: { verdict: 'insufficient-data' },
    });
    expect(judgeCapacityCheck(run(0, { delivered: NO_WORK, measuredSeconds: 0 }), enforcement)).toMatchObject({
      passed: false,
      judgement: { verdict: 'insufficient-data', measuredSeconds: 0 },
    });
  });
});

describe('verifiedHashrate', () => {
  it('floors the lower bound and caps it at the claim', () => {
    expect(verifiedHashrate('1000', 999.999)).toBe('999');
    expect(verifiedHashrate('1000', 1000)).toBe('1000');
    expect(verifiedHashrate('1000', 1000.5)).toBe('1000');
    expect(verifiedHashrate('1000', 0.9)).toBe('0');
    expect(verifiedHashrate('1000', Number.NaN)).toBe('0');
  });

  it('compares with the claim exactly beyond 2^53 H/s, where floating point rounds', () => {
    // 2^53 + 1 is not a double: Number() would make it 2^53 and the cap would be off by one.
    expect(verifiedHashrate('9007199254740993', 9007199254740994)).toBe('9007199254740993');
    expect(verifiedHashrate('123456789012345678901234', 1e23)).toBe('99999999999999991611392');
  });
});
