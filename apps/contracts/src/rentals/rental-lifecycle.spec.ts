import { assertTransition, canTransition, IllegalRentalTransitionError } from './rental-lifecycle';
import { rentalStatuses } from './rental-status';

describe('rental lifecycle', () => {
  it.each([
    ['pending_payment', 'active'],
    ['pending_payment', 'cancelled'],
    ['active', 'completed'],
    ['active', 'terminated'],
    ['active', 'disputed'],
    ['disputed', 'active'],
    ['disputed', 'terminated'],
    ['completed', 'settled'],
    ['terminated', 'settled'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['pending_payment', 'completed'],
    ['active', 'pending_payment'],
    ['completed', 'active'],
    ['cancelled', 'active'],
    ['completed', 'disputed'],
    ['disputed', 'completed'],
    ['disputed', 'settled'],
    ['terminated', 'terminated'],
    ['pending_payment', 'disputed'],
  ] as const)('refuses %s → %s with a clear error', (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(new IllegalRentalTransitionError(from, to));
    expect(() => assertTransition(from, to)).toThrow(`a rental cannot go from ${from} to ${to}`);
  });

  it('refuses as a 409 problem naming both statuses', () => {
    const error = new IllegalRentalTransitionError('completed', 'active');
    expect(error).toMatchObject({ kind: 'conflict', type: 'illegal-rental-transition' });
    expect(error.problemExtensions()).toEqual({ from: 'completed', to: 'active' });
  });

  it('ends in settled, from which nothing leads anywhere', () => {
    for (const to of rentalStatuses) expect(canTransition('settled', to)).toBe(false);
  });
});
