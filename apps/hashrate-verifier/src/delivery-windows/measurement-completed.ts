import type { deliveryMeasurementCompletedV1, EventValue } from '@hashproof/events';
import type { DeliveryJudgement } from './judge-delivery';

/** What the closed windows of a contract add up to. */
export interface ClosedWindows {
  readonly count: number;
  readonly poolDownSeconds: number;
  readonly rigConnectedSeconds: number;
  /** The end of the latest closed window; null when none was. */
  readonly lastEndsAt: Date | null;
  /** The contract-to-date judgement of the latest closed window: the whole period, judged once more would be it. */
  readonly contractToDate: DeliveryJudgement | null;
}

export interface MeasuredContract {
  readonly rentalId: string;
  readonly contractedHashrate: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** A contract ended at its start had no window: nothing was measured, so nothing can be said. */
const nothingMeasured: DeliveryJudgement = {
  measuredSeconds: 0,
  acceptedShares: 0,
  deliveredWork: 0,
  estimatedHashrate: 0,
  lower: 0,
  upper: 0,
  pValue: null,
  verdict: 'insufficient-data',
};

/**
 * The verifier's last word on a rental, from its closed windows. The period runs from the contract's start to
 * the end of its last closed window: the contract's end, or later when the rental ended early but the word came
 * after windows past that end had been judged and published. Those stand as they were judged (the work in them
 * was validated and reached the renter's pool while no one had said the rental was over), so that this total
 * agrees with every window-closed event before it.
 */
export function measurementCompleted(
  contract: MeasuredContract,
  closed: ClosedWindows,
): EventValue<typeof deliveryMeasurementCompletedV1> {
  const judgement = closed.contractToDate ?? nothingMeasured;
  return {
    rentalId: contract.rentalId,
    startsAt: contract.startsAt.toISOString(),
    endsAt: (closed.lastEndsAt ?? contract.endsAt).toISOString(),
    contractedHashrate: contract.contractedHashrate,
    windows: closed.count,
    measuredSeconds: judgement.measuredSeconds,
    poolDownSeconds: closed.poolDownSeconds,
    rigConnectedSeconds: closed.rigConnectedSeconds,
    acceptedShares: judgement.acceptedShares,
    deliveredWork: judgement.deliveredWork,
    estimatedHashrate: judgement.estimatedHashrate,
    lower: judgement.lower,
    upper: judgement.upper,
    pValue: judgement.pValue,
    verdict: judgement.verdict,
  };
}
