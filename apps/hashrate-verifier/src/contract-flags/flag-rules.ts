import type { FlagCause } from './flag-cause';

export interface FlagThresholds {
  readonly reviewAlpha: number;
  readonly enforcementAlpha: number;
  /** Invalid shares as a fraction of all judged shares in a window. */
  readonly maxInvalidRatio: number;
}

/** What a closed window says about the causes a contract can be flagged for. */
export interface WindowFacts {
  readonly contractToDatePValue: number | null;
  readonly acceptedShares: number;
  readonly rejectedByReason: Readonly<Record<string, number>>;
  readonly measuredSeconds: number;
  readonly rigConnectedSeconds: number;
}

export interface FlagChanges {
  readonly raise: readonly FlagCause[];
  readonly clear: readonly FlagCause[];
}

/**
 * A raised under-delivery flag holds until the contract-to-date p-value is this many times its α. Near α the
 * p-value wanders with every window's luck, and without the margin one shortfall would be flagged, cleared and
 * flagged again.
 */
const underDeliveryClearMargin = 10;

/** Which causes hold after this window, given those already raised. */
export function causesPresent(
  facts: WindowFacts,
  thresholds: FlagThresholds,
  active: ReadonlySet<FlagCause> = new Set(),
): Set<FlagCause> {
  const present = new Set<FlagCause>();
  const p = facts.contractToDatePValue;
  const underDelivery = (cause: FlagCause, alpha: number) => {
    const threshold = active.has(cause) ? alpha * underDeliveryClearMargin : alpha;
    if (p !== null && p < threshold) present.add(cause);
  };
  underDelivery('under-delivery-review', thresholds.reviewAlpha);
  underDelivery('under-delivery-enforcement', thresholds.enforcementAlpha);
  const rejected = Object.values(facts.rejectedByReason).reduce((sum, count) => sum + count, 0);
  const judged = rejected + facts.acceptedShares;
  if (judged > 0 && rejected / judged > thresholds.maxInvalidRatio) present.add('high-invalid-ratio');
  if ((facts.rejectedByReason.duplicate ?? 0) > 0) present.add('duplicate-shares');
  if ((facts.rejectedByReason['unknown-job'] ?? 0) > 0) present.add('foreign-jobs');
  if (facts.measuredSeconds > 0 && facts.rigConnectedSeconds === 0) present.add('provider-silent');
  return present;
}

/** Each cause is raised once while it holds and cleared once it no longer does. */
export function flagChanges(active: ReadonlySet<FlagCause>, present: ReadonlySet<FlagCause>): FlagChanges {
  return {
    raise: [...present].filter((cause) => !active.has(cause)),
    clear: [...active].filter((cause) => !present.has(cause)),
  };
}
