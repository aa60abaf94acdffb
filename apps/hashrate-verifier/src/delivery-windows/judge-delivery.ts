import { type DeliveredWork, estimateHashrate, testClaim } from '@hashproof/hashrate';

export interface DeliveryJudgement {
  readonly measuredSeconds: number;
  readonly acceptedShares: number;
  readonly deliveredWork: number;
  readonly estimatedHashrate: number;
  readonly lower: number;
  readonly upper: number;
  readonly pValue: number | null;
  readonly verdict: 'ok' | 'under-delivery' | 'insufficient-data';
}

export interface DeliveryEvidence {
  readonly delivered: DeliveredWork;
  /** The provider's time: the window less the renter's pool outages. */
  readonly measuredSeconds: number;
  readonly contractedHashrate: number;
  readonly difficultyInForce: number;
  readonly alpha: number;
  readonly tolerance: number;
}

/** The estimate with its exact interval, and the one-sided test of the contracted rate. */
export function judgeDelivery(evidence: DeliveryEvidence): DeliveryJudgement {
  const base = {
    measuredSeconds: evidence.measuredSeconds,
    acceptedShares: evidence.delivered.shares,
    deliveredWork: evidence.delivered.work,
  };
  if (evidence.measuredSeconds <= 0) {
    return { ...base, estimatedHashrate: 0, lower: 0, upper: 0, pValue: null, verdict: 'insufficient-data' };
  }
  const estimate = estimateHashrate({
    delivered: evidence.delivered,
    seconds: evidence.measuredSeconds,
    difficultyInForce: evidence.difficultyInForce,
  });
  const claim = testClaim({
    delivered: evidence.delivered,
    seconds: evidence.measuredSeconds,
    claimedHashrate: evidence.contractedHashrate,
    tolerance: evidence.tolerance,
    alpha: evidence.alpha,
    difficultyInForce: evidence.difficultyInForce,
  });
  return {
    ...base,
    estimatedHashrate: estimate.estimatedHashrate,
    lower: estimate.lower,
    upper: estimate.upper,
    pValue: claim.pValue,
    verdict: claim.verdict,
  };
}
