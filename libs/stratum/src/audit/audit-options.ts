export interface AuditOptions {
  /** Hash rate the provider sold, H/s; without it the audit only estimates. */
  readonly claimedHashrate?: number;
  /** Shortfall fraction tolerated before flagging; default 0. */
  readonly tolerance?: number;
  /** Significance of the one-sided test; default 0.01. */
  readonly alpha?: number;
  /** Two-sided confidence of the reported interval; default 0.95. */
  readonly confidence?: number;
}
