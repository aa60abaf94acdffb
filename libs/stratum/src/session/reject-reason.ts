export const REJECT_REASONS = [
  'low-difficulty',
  'duplicate',
  'unknown-job',
  'stale',
  'ntime-out-of-range',
  'bad-version-bits',
  'unauthorized',
  'malformed',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];
