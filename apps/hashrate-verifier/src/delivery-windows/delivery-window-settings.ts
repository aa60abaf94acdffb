import type { FlagThresholds } from '../contract-flags/flag-rules';

export interface DeliveryWindowSettings {
  readonly windowMs: number;
  /** How long after a window ends it stays open for shares still in flight (pool replies can lag). */
  readonly graceMs: number;
  readonly closeCheckIntervalMs: number;
  readonly alpha: number;
  readonly tolerance: number;
  /** The share rate the endpoint's vardiff aims at: sets the difficulty assumed for a silent window. */
  readonly targetSharesPerMinute: number;
  readonly flags: FlagThresholds;
}

export const DELIVERY_WINDOW_SETTINGS = Symbol('DELIVERY_WINDOW_SETTINGS');
