import { rentalStatuses } from '../rentals/rental-status';
import { canTransition } from '../rentals/rental-lifecycle';
import { isTrackRecordUnchanged, trackRecordChange } from './track-record';

describe("a provider's track record", () => {
  it('counts a rental once it completes or is terminated, from a running or disputed one', () => {
    expect(trackRecordChange('active', 'completed')).toEqual({ completedRentals: 1, terminatedRentals: 0 });
    expect(trackRecordChange('active', 'terminated')).toEqual({ completedRentals: 0, terminatedRentals: 1 });
    expect(trackRecordChange('disputed', 'terminated')).toEqual({ completedRentals: 0, terminatedRentals: 1 });
  });

  it('keeps counting a settled rental by the status it was settled from', () => {
    for (const from of ['completed', 'terminated', 'cancelled'] as const) {
      expect(isTrackRecordUnchanged(trackRecordChange(from, 'settled'))).toBe(true);
    }
  });

  it('is unchanged by opening, paying, cancelling, disputing and reinstating', () => {
    expect(isTrackRecordUnchanged(trackRecordChange(null, 'pending_payment'))).toBe(true);
    expect(isTrackRecordUnchanged(trackRecordChange('pending_payment', 'active'))).toBe(true);
    expect(isTrackRecordUnchanged(trackRecordChange('pending_payment', 'cancelled'))).toBe(true);
    expect(isTrackRecordUnchanged(trackRecordChange('active', 'cancelled'))).toBe(true);
    expect(isTrackRecordUnchanged(trackRecordChange('active', 'disputed'))).toBe(true);
    expect(isTrackRecordUnchanged(trackRecordChange('disputed', 'active'))).toBe(true);
  });

  it('adds up, over every legal path through the lifecycle, to how the rental ended', () => {
    type Status = (typeof rentalStatuses)[number];
    // The rule renters are shown: a settled rental counts by the status it was settled from.
    const endedAs = (path: readonly Status[]) => {
      const last = path.at(-1);
      return last === 'settled' ? path.at(-2) : last;
    };
    const walk = (path: readonly Status[], totals: { completedRentals: number; terminatedRentals: number }) => {
      expect(totals).toEqual({
        completedRentals: endedAs(path) === 'completed' ? 1 : 0,
        terminatedRentals: endedAs(path) === 'terminated' ? 1 : 0,
      });
      const last = path.at(-1) as Status;
      for (const next of rentalStatuses.filter((to) => canTransition(last, to))) {
        // Disputes may repeat (active ⇄ disputed); two rounds cover every way out of one.
        if (path.filter((status) => status === 'disputed').length > 2) continue;
        const change = trackRecordChange(last, next);
        walk([...path, next], {
          completedRentals: totals.completedRentals + change.completedRentals,
          terminatedRentals: totals.terminatedRentals + change.terminatedRentals,
        });
      }
    };
    walk(['pending_payment'], trackRecordChange(null, 'pending_payment'));
  });
});
