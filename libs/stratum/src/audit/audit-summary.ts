import { estimateHashrate, testClaim, type ClaimVerdict, type DeliveredWork } from '@hashproof/hashrate';
import { type RejectReason } from '../session/reject-reason';
import { type AuditOptions } from './audit-options';

export interface AuditSummary {
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly byReason: Partial<Record<RejectReason, number>>;
  readonly windowSeconds: number;
  /** Σ assigned difficulty of accepted shares. */
  readonly deliveredWork: number;
  readonly effectiveShares: number;
  readonly estimatedHashrate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly confidence: number;
  readonly claimedHashrate: number | null;
  readonly tolerance: number;
  readonly alpha: number;
  readonly expectedShares: number | null;
  readonly pValue: number | null;
  /** null when no claim was given. */
  readonly verdict: ClaimVerdict | null;
  readonly poolDisagreements: number;
  readonly poolReplies: number;
  readonly blockCandidates: number;
  readonly skippedLines: number;
}

export interface AuditTally {
  readonly submitted: number;
  readonly byReason: Partial<Record<RejectReason, number>>;
  readonly delivered: DeliveredWork;
  readonly windowSeconds: number;
  readonly difficultyInForce: number;
  readonly poolDisagreements: number;
  readonly poolReplies: number;
  readonly blockCandidates: number;
  readonly skippedLines: number;
}

export function summarizeAudit(tally: AuditTally, options: AuditOptions): AuditSummary {
  const confidence = options.confidence ?? 0.95;
  const tolerance = options.tolerance ?? 0;
  const alpha = options.alpha ?? 0.01;
  const { delivered, windowSeconds, difficultyInForce } = tally;
  const hasWindow = windowSeconds > 0;
  const estimate = hasWindow
    ? estimateHashrate({ delivered, seconds: windowSeconds, confidence, difficultyInForce })
    : null;
  const claim = options.claimedHashrate;
  const test =
    claim !== undefined && hasWindow
      ? testClaim({ delivered, seconds: windowSeconds, claimedHashrate: claim, tolerance, alpha, difficultyInForce })
      : null;
  const rejected = Object.values(tally.byReason).reduce((sum, count) => sum + count, 0);
  return {
    submitted: tally.submitted,
    accepted: tally.submitted - rejected,
    rejected,
    byReason: tally.byReason,
    windowSeconds,
    deliveredWork: delivered.work,
    effectiveShares: estimate?.effectiveShareCount ?? 0,
    estimatedHashrate: estimate?.estimatedHashrate ?? null,
    lower: estimate?.lower ?? null,
    upper: estimate?.upper ?? null,
    confidence,
    claimedHashrate: claim ?? null,
    tolerance,
    alpha,
    expectedShares: test?.expectedShares ?? null,
    pValue: test?.pValue ?? null,
    // A zero-length window cannot tell anything about a claim.
    verdict: claim === undefined ? null : (test?.verdict ?? 'insufficient-data'),
    poolDisagreements: tally.poolDisagreements,
    poolReplies: tally.poolReplies,
    blockCandidates: tally.blockCandidates,
    skippedLines: tally.skippedLines,
  };
}
