import { randomUUID } from 'node:crypto';
import { windowKey } from './delivery-window.repository';
import { assignSharesToWindows, type ContractTerms } from './share-windows';
import { applyShareByShare, judgedShare, mixedShares, type ShareJudged } from './testing/share-by-share';
import { emptyTally, type WindowState, tallyShares } from './window-tally';

const windowMs = 600_000;
const startsAt = new Date('2026-11-24T00:00:00Z');
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

/** 25 minutes: windows 0 and 1 of ten minutes, and a last one of five. */
const contract = (nextWindowIndex = 0): ContractTerms => ({
  rentalId: randomUUID(),
  startsAt,
  endsAt: at(25),
  nextWindowIndex,
});

describe('assignSharesToWindows', () => {
  it('puts each share in the window it was judged in, in the order given, across windows', () => {
    const terms = contract();
    const shares = [1, 11, 2, 12].map((minute) =>
      judgedShare(terms.rentalId, at(minute), { assignedDifficulty: minute }),
    );

    const { windows, unknownContract } = assignSharesToWindows(shares, [terms], windowMs);

    expect(unknownContract).toEqual([]);
    expect(windows.map((w) => [w.bounds.index, w.shares.map((share) => share.assignedDifficulty)])).toEqual([
      [0, [1, 2]],
      [1, [11, 12]],
    ]);
    expect(windows[1]?.bounds).toEqual({ index: 1, startsAt: at(10), endsAt: at(20) });
    expect(windows[0]?.rentalId).toBe(terms.rentalId);
  });

  it('counts a late share, whose window is already closed, in the first window still open', () => {
    const terms = contract(1);
    const shares = [judgedShare(terms.rentalId, at(9)), judgedShare(terms.rentalId, at(-5))];

    const { windows } = assignSharesToWindows(shares, [terms], windowMs);

    expect(windows.map((w) => [w.bounds.index, w.shares.length])).toEqual([[1, 2]]);
  });

  it('drops a share judged after the last window, and cuts the last window at the contract end', () => {
    const terms = contract();
    const { windows } = assignSharesToWindows(
      [judgedShare(terms.rentalId, at(24)), judgedShare(terms.rentalId, at(31))],
      [terms],
      windowMs,
    );
    expect(windows.map((w) => [w.bounds.index, w.shares.length, w.bounds.endsAt])).toEqual([[2, 1, at(25)]]);
  });

  it('drops a share judged at or after an end brought forward into a window, and any once its windows closed', () => {
    const cut = { ...contract(), endsAt: new Date(at(13).getTime() + 500) };
    const { windows } = assignSharesToWindows(
      [at(12), at(13), new Date(at(13).getTime() + 500), at(14)].map((when) => judgedShare(cut.rentalId, when)),
      [cut],
      windowMs,
    );
    expect(windows.map((w) => [w.bounds.index, w.shares.length, w.bounds.endsAt])).toEqual([[1, 2, cut.endsAt]]);

    // Cut short below windows already judged: even a late share of the period has nowhere left to count.
    const judged = { ...cut, nextWindowIndex: 2 };
    expect(assignSharesToWindows([judgedShare(cut.rentalId, at(12))], [judged], windowMs).windows).toEqual([]);
  });

  it('gives back the shares of contracts it was not given, and finds the others whatever the key case', () => {
    const terms = contract();
    const stranger = judgedShare(randomUUID(), at(1));
    const shouted = judgedShare(terms.rentalId.toUpperCase(), at(1));

    const { windows, unknownContract } = assignSharesToWindows([stranger, shouted], [terms], windowMs);

    expect(unknownContract).toEqual([stranger]);
    expect(windows.map((w) => [w.rentalId, w.shares.length])).toEqual([[terms.rentalId, 1]]);
  });
});

describe('a batch of shares, assigned and tallied', () => {
  /** What RecordSharesUseCase does with a batch, on windows held in memory instead of rows. */
  function applyBatch(
    windows: Map<string, WindowState>,
    events: readonly ShareJudged[],
    contracts: readonly ContractTerms[],
  ): void {
    for (const { rentalId, bounds, shares } of assignSharesToWindows(events, contracts, windowMs).windows) {
      const key = windowKey(rentalId, bounds.index);
      windows.set(key, tallyShares(windows.get(key) ?? { ...emptyTally, lastDifficulty: null }, shares));
    }
  }

  it('gives the very tallies share-by-share application gives: two windows, late shares, batches of any size', () => {
    const contracts = [contract(0), contract(1), contract(2)];
    const ids = contracts.map((terms) => terms.rentalId);
    // Judged from just before the start to past the end: late ones, two windows and more, and some after the end.
    const events = mixedShares([...ids, randomUUID()], at(-1), 27 * 60_000, 1_500);
    // A window already holding work from earlier batches, whose sums the batch continues.
    const earlier = (): Map<string, WindowState> =>
      new Map([
        [
          windowKey(ids[0] ?? '', 1),
          { ...emptyTally, delivered: { shares: 1, work: 0.1, workSquared: 0.01 }, lastDifficulty: 0.1 },
        ],
      ]);

    const shareByShare = earlier();
    applyShareByShare(shareByShare, events, contracts, windowMs);
    for (const size of [1, 7, 500, 1_500]) {
      const batched = earlier();
      for (let from = 0; from < events.length; from += size) {
        applyBatch(batched, events.slice(from, from + size), contracts);
      }
      expect(batched).toEqual(shareByShare);
    }
    expect([...shareByShare.keys()].sort()).toEqual(
      [...ids.flatMap((id, i) => [0, 1, 2].filter((index) => index >= i).map((index) => windowKey(id, index)))].sort(),
    );
  });
});
