import type { DeliveredWork } from '@hashproof/hashrate';
import { type DeliveryJudgement, judgeDelivery } from '../delivery-windows/judge-delivery';

/** Everything a check's closed windows add up to. */
export interface CheckEvidence {
  /** H/s, as the request gave it. */
  readonly claimedHashrate: string;
  readonly delivered: DeliveredWork;
  /** The run less the time the provider's chosen pool was down. */
  readonly measuredSeconds: number;
  /** Seconds at least one of the provider's rigs was connected, over the whole run. */
  readonly rigConnectedSeconds: number;
  /** The rigs' last difficulty; only matters for a run without a single accepted share. */
  readonly difficultyInForce: number;
}

export interface CheckJudgement {
  readonly measuredSeconds: number;
  readonly acceptedShares: number;
  readonly estimatedHashrate: number;
  readonly lower: number;
  readonly upper: number;
  readonly pValue: number | null;
  readonly verdict: DeliveryJudgement['verdict'];
}

export interface CapacityCheckOutcome {
  readonly passed: boolean;
  /** H/s the provider may sell from now on, as a decimal string. */
  readonly verifiedHashrate: string;
  readonly judgement: CheckJudgement;
}

/**
 * The run as a whole, judged like a rental's contract to date: passed when the one-sided test at `alpha` finds
 * no under-delivery. A run no rig ever joined proves nothing either way, so it is insufficient data.
 */
export function judgeCapacityCheck(
  evidence: CheckEvidence,
  test: { readonly alpha: number; readonly tolerance: number },
): CapacityCheckOutcome {
  const run = judgeDelivery({
    delivered: evidence.delivered,
    measuredSeconds: evidence.measuredSeconds,
    contractedHashrate: Number(evidence.claimedHashrate),
    difficultyInForce: evidence.difficultyInForce,
    alpha: test.alpha,
    tolerance: test.tolerance,
  });
  const rigsShowedUp = evidence.rigConnectedSeconds > 0 || run.acceptedShares > 0;
  const judgement: CheckJudgement = {
    measuredSeconds: run.measuredSeconds,
    acceptedShares: run.acceptedShares,
    estimatedHashrate: run.estimatedHashrate,
    lower: run.lower,
    upper: run.upper,
    pValue: rigsShowedUp ? run.pValue : null,
    verdict: rigsShowedUp ? run.verdict : 'insufficient-data',
  };
  const passed = judgement.verdict === 'ok';
  return {
    passed,
    verifiedHashrate: passed ? verifiedHashrate(evidence.claimedHashrate, judgement.lower) : '0',
    judgement,
  };
}

/**
 * What a passed run verifies: the lower bound of its interval in whole H/s, never more than was claimed. The
 * comparison with the claim is exact (BigInt): claims beyond 2^53 H/s are ordinary.
 */
export function verifiedHashrate(claimedHashrate: string, lower: number): string {
  const claimed = BigInt(claimedHashrate);
  const shown = Number.isFinite(lower) && lower >= 1 ? BigInt(Math.floor(lower)) : 0n;
  return (shown < claimed ? shown : claimed).toString();
}
