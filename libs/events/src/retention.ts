const day = 86_400_000;

/** Retention classes: facts others rebuild state from are kept long; evidence streams shorter. */
export const retention = {
  lifecycle: 30 * day,
  evidence: 14 * day,
  deadLetters: 30 * day,
} as const;
