export interface CapacityCheckSettings {
  /**
   * Significance of the pass/fail test. A failed check stops a listing with no admin in the loop, so this is
   * the enforcement α; over-claiming is bounded by the verified rate (the interval's lower bound), not by α.
   */
  readonly alpha: number;
  readonly tolerance: number;
  /** The share rate the endpoint's vardiff aims at: the difficulty a run without a single share is judged at. */
  readonly targetSharesPerMinute: number;
  readonly completionCheckIntervalMs: number;
}

export const CAPACITY_CHECK_SETTINGS = Symbol('CAPACITY_CHECK_SETTINGS');
