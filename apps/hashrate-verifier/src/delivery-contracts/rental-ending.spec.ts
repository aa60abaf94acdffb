import { rentalLifecycleStatuses } from '@hashproof/events';
import { endsMeasurementEarly, shortenedEnd } from './rental-ending';

describe('endsMeasurementEarly', () => {
  it('ends the measurement when a running rental is cancelled or terminated', () => {
    expect(endsMeasurementEarly({ from: 'active', to: 'cancelled' })).toBe(true);
    expect(endsMeasurementEarly({ from: 'active', to: 'terminated' })).toBe(true);
    expect(endsMeasurementEarly({ from: 'disputed', to: 'terminated' })).toBe(true);
    expect(endsMeasurementEarly({ from: 'disputed', to: 'cancelled' })).toBe(true);
  });

  it('ignores every other transition, the lifecycle allows it or not', () => {
    const ending = new Set(['active>cancelled', 'active>terminated', 'disputed>cancelled', 'disputed>terminated']);
    const others = [null, ...rentalLifecycleStatuses].flatMap((from) =>
      rentalLifecycleStatuses.map((to) => ({ from, to })).filter(({ from: f, to }) => !ending.has(`${f}>${to}`)),
    );
    expect(others).toHaveLength(8 * 7 - 4);
    expect(others.filter((change) => endsMeasurementEarly(change))).toEqual([]);
  });
});

describe('shortenedEnd', () => {
  const startsAt = new Date('2026-11-24T10:00:00.000Z');
  const endsAt = new Date('2026-11-24T11:00:00.000Z');
  const contract = { startsAt, endsAt };

  it('ends the contract when the rental ended, while it ran', () => {
    const at = new Date('2026-11-24T10:17:30.123Z');
    expect(shortenedEnd(contract, at)).toEqual(at);
  });

  it('never extends a contract: an ending at or after its end leaves the end as it was', () => {
    expect(shortenedEnd(contract, endsAt)).toEqual(endsAt);
    expect(shortenedEnd(contract, new Date('2026-11-24T12:00:00.000Z'))).toEqual(endsAt);
  });

  it('ends a contract that ended before it began at its start, leaving it nothing to measure', () => {
    expect(shortenedEnd(contract, new Date('2026-11-24T09:59:59.999Z'))).toEqual(startsAt);
    expect(shortenedEnd(contract, startsAt)).toEqual(startsAt);
  });

  it('is the same however often it is applied', () => {
    const at = new Date('2026-11-24T10:30:00.000Z');
    const once = shortenedEnd(contract, at);
    expect(shortenedEnd({ startsAt, endsAt: once }, at)).toEqual(once);
    expect(shortenedEnd({ startsAt, endsAt: once }, new Date('2026-11-24T10:45:00.000Z'))).toEqual(once);
  });
});
