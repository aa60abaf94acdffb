import type { JudgedShare } from './window-tally';
import { type WindowBounds, WindowSchedule } from './window-schedule';

/** What the assignment needs of a contract (as locked for the batch). */
export interface ContractTerms {
  readonly rentalId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** The first window still open: those before it are closed and judged. */
  readonly nextWindowIndex: number;
}

export interface JudgedShareEvent {
  readonly key: { readonly rentalId: string };
  readonly value: JudgedShare & { readonly judgedAt: string };
}

/** One window's shares from a batch, in the order they were judged. */
export interface WindowShares {
  readonly rentalId: string;
  readonly bounds: WindowBounds;
  readonly shares: JudgedShare[];
}

export interface ShareAssignment<E> {
  readonly windows: readonly WindowShares[];
  /** Shares of a contract the verifier does not know. */
  readonly unknownContract: readonly E[];
}

/**
 * The window each share of a batch counts in: the one it was judged in, or, when that one has closed, the first
 * window still open, so late evidence is never dropped. A share judged at or after the contract's end counts
 * nowhere, nor one whose windows have all closed (a contract cut short below windows already judged). Keys are
 * compared in lower case, as PostgreSQL compares uuids.
 */
export function assignSharesToWindows<E extends JudgedShareEvent>(
  events: readonly E[],
  contracts: readonly ContractTerms[],
  windowMs: number,
): ShareAssignment<E> {
  const schedules = new Map(
    contracts.map((contract) => [
      contract.rentalId.toLowerCase(),
      { contract, schedule: new WindowSchedule(contract.startsAt, contract.endsAt, windowMs) },
    ]),
  );
  const windows = new Map<string, WindowShares>();
  const unknownContract: E[] = [];
  for (const event of events) {
    const found = schedules.get(event.key.rentalId.toLowerCase());
    if (!found) {
      unknownContract.push(event);
      continue;
    }
    const { contract, schedule } = found;
    const judgedAt = new Date(event.value.judgedAt);
    if (!schedule.covers(judgedAt)) continue;
    const index = Math.max(schedule.indexAt(judgedAt), contract.nextWindowIndex);
    if (index > schedule.lastIndex) continue;
    const key = `${contract.rentalId}:${index}`;
    let window = windows.get(key);
    if (!window) {
      window = { rentalId: contract.rentalId, bounds: schedule.bounds(index), shares: [] };
      windows.set(key, window);
    }
    window.shares.push(event.value);
  }
  return { windows: [...windows.values()], unknownContract };
}
