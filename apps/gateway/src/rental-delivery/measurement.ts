export const verdicts = ['ok', 'under-delivery', 'insufficient-data'] as const;

export type Verdict = (typeof verdicts)[number];

/** The verifier's judgement of one span of a rental: one window, or the contract to date. */
export interface Measurement {
  readonly measuredSeconds: number;
  readonly acceptedShares: number;
  readonly deliveredWork: number;
  readonly estimatedHashrate: number;
  readonly lower: number;
  readonly upper: number;
  readonly pValue: number | null;
  readonly verdict: Verdict;
}
