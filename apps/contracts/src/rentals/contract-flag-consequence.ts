import type { contractFlaggedV1, EventValue } from '@hashproof/events';
import type { RentalStatus } from './rental-status';

type ContractFlag = EventValue<typeof contractFlaggedV1>;

export const verifierActor = 'system:verifier';

/**
 * What a delivery flag does to a rental: only sustained under-delivery (the verifier's enforcement level)
 * terminates, and only a rental still running. Every other flag, and any flag for a rental that is not
 * active (disputed: an admin is already deciding; ended: too late), is recorded for admins and moves nothing.
 */
export function flagConsequence(cause: ContractFlag['cause'], status: RentalStatus | null): 'terminate' | 'record' {
  return cause === 'under-delivery-enforcement' && status === 'active' ? 'terminate' : 'record';
}

/** The termination's reason for the audit trail: which window raised the flag, at what contract-to-date p-value. */
export function underDeliveryReason(flag: Pick<ContractFlag, 'windowIndex' | 'evidence'>): string {
  const pValue = pValueOf(flag.evidence);
  return (
    `sustained under-delivery: flagged under-delivery-enforcement after window ${flag.windowIndex}, ` +
    `contract-to-date p-value ${pValue === null ? 'not reported' : pValue.toPrecision(3)}`
  );
}

/** The verifier's evidence carries the contract-to-date judgement; older or hand-made flags only a pValue. */
function pValueOf(evidence: Record<string, unknown>): number | null {
  const toDate = evidence.contractToDate;
  const nested = typeof toDate === 'object' && toDate !== null ? (toDate as Record<string, unknown>).pValue : undefined;
  const pValue = nested ?? evidence.pValue;
  return typeof pValue === 'number' && Number.isFinite(pValue) ? pValue : null;
}
