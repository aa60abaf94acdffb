import { randomUUID } from 'node:crypto';
import { type EventOf, type shareJudgedV1 } from '@hashproof/events';
import { windowKey } from '../delivery-window.repository';
import type { ContractTerms } from '../share-windows';
import { WindowSchedule } from '../window-schedule';
import { emptyTally, type JudgedShare, type WindowState, tallyShare } from '../window-tally';

export type ShareJudged = EventOf<typeof shareJudgedV1>;

/**
 * The aggregator as it was before batches, kept as the reference a batch must agree with: one share at a time,
 * each added to its window as the previous share left it (the body of the former RecordShareUseCase).
 */
export function applyShareByShare(
  windows: Map<string, WindowState>,
  events: readonly ShareJudged[],
  contracts: readonly ContractTerms[],
  windowMs: number,
): void {
  for (const event of events) {
    const contract = contracts.find((candidate) => candidate.rentalId === event.key.rentalId);
    if (!contract) continue;
    const schedule = new WindowSchedule(contract.startsAt, contract.endsAt, windowMs);
    const judgedAt = new Date(event.value.judgedAt);
    if (!schedule.covers(judgedAt)) continue;
    const index = Math.max(schedule.indexAt(judgedAt), contract.nextWindowIndex);
    if (index > schedule.lastIndex) continue;
    const key = windowKey(contract.rentalId, index);
    const window = windows.get(key) ?? { ...emptyTally, lastDifficulty: null };
    const difficulty = event.value.assignedDifficulty ?? window.lastDifficulty;
    windows.set(key, { ...tallyShare(window, event.value), lastDifficulty: difficulty });
  }
}

/** A judged-share event as the endpoint publishes it; valid, accepted and at difficulty 1 unless told otherwise. */
export function judgedShare(rentalId: string, judgedAt: Date, share: Partial<JudgedShare> = {}): ShareJudged {
  return {
    eventId: randomUUID(),
    occurredAt: judgedAt.toISOString(),
    correlationId: 'spec',
    causationId: null,
    producer: 'spec',
    topic: 'shares.judged.v1',
    key: { rentalId },
    value: {
      connectionId: 'rig-1',
      judgedAt: judgedAt.toISOString(),
      valid: true,
      reason: null,
      assignedDifficulty: 1,
      achievedDifficulty: 2,
      hash: null,
      forwarded: true,
      poolVerdict: 'accepted',
      blockCandidate: false,
      ...share,
    } as ShareJudged['value'],
  };
}

/**
 * Shares whose sums depend on the order they are added in (0.1 + 0.2 + 0.3 is not 0.1 + (0.2 + 0.3)), with
 * every kind of verdict, a missing difficulty and shares judged out of order, spread over `spanMs` from `from`.
 */
export function mixedShares(rentalIds: readonly string[], from: Date, spanMs: number, count: number): ShareJudged[] {
  const difficulties = [0.1, 0.2, 0.3, 1 / 3, 2 ** -30, 7.77, null];
  const variants: Partial<JudgedShare>[] = [
    {},
    { forwarded: false, poolVerdict: null },
    { valid: false, reason: 'duplicate', poolVerdict: 'accepted' },
    { poolVerdict: 'rejected' },
    { poolVerdict: 'no-reply' },
    { valid: false, reason: 'stale', forwarded: false, poolVerdict: null },
    { blockCandidate: true },
  ];
  return Array.from({ length: count }, (_, i) => {
    const jitter = ((i * 7919) % 13) * 0.01 * spanMs;
    const at = new Date(from.getTime() + Math.min(spanMs - 1, (i / count) * spanMs * 0.9 + jitter));
    return judgedShare(rentalIds[i % rentalIds.length] ?? '', at, {
      assignedDifficulty: difficulties[(i * 3) % difficulties.length] ?? null,
      ...variants[i % variants.length],
    });
  });
}
