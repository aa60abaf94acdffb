export interface RetryPolicy {
  /** Automatic attempts in all, the first included (Stripe's test mode retries three times: 4). */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** How long one attempt may take before it counts as failed. */
  readonly timeoutMs: number;
}

/** Exponential backoff, bounded: the wait after the n-th failed attempt (n ≥ 1), or undefined when attempts are spent. */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy): number | undefined {
  if (failedAttempts >= policy.maxAttempts) return undefined;
  return Math.min(policy.initialDelayMs * 2 ** (failedAttempts - 1), policy.maxDelayMs);
}
