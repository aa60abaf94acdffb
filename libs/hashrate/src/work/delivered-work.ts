/**
 * Work credited for accepted shares: the sum of the difficulties assigned to them (not the
 * difficulty each hash happened to reach, which would reward luck). The sum of squares and the
 * count are kept so the statistics can account for shares of mixed difficulty.
 */
export interface DeliveredWork {
  readonly shares: number;
  readonly work: number;
  readonly workSquared: number;
}

export const NO_WORK: DeliveredWork = { shares: 0, work: 0, workSquared: 0 };

export function addShare(total: DeliveredWork, assignedDifficulty: number): DeliveredWork {
  if (!(assignedDifficulty > 0) || !Number.isFinite(assignedDifficulty)) {
    throw new RangeError(`share difficulty must be a positive finite number, got ${assignedDifficulty}`);
  }
  return {
    shares: total.shares + 1,
    work: total.work + assignedDifficulty,
    workSquared: total.workSquared + assignedDifficulty * assignedDifficulty,
  };
}

export function deliveredWorkOf(assignedDifficulties: Iterable<number>): DeliveredWork {
  let total = NO_WORK;
  for (const difficulty of assignedDifficulties) total = addShare(total, difficulty);
  return total;
}
