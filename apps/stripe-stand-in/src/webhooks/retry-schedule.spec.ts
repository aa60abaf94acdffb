import { retryDelayMs, type RetryPolicy } from './retry-schedule';

const policy: RetryPolicy = { maxAttempts: 6, initialDelayMs: 1000, maxDelayMs: 5000, timeoutMs: 1000 };

describe('retryDelayMs', () => {
  it('doubles after each failed attempt, up to the ceiling', () => {
    expect([1, 2, 3, 4, 5].map((failed) => retryDelayMs(failed, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('stops once the attempts are spent', () => {
    expect(retryDelayMs(6, policy)).toBeUndefined();
    expect(retryDelayMs(1, { ...policy, maxAttempts: 1 })).toBeUndefined();
  });
});
