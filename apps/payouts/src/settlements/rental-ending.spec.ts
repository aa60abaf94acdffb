import { rentalLifecycleStatuses } from '@hashproof/events';
import { paidRentalEnding } from './rental-ending';

describe('which status changes end a paid rental', () => {
  it('completion and termination, from wherever they come', () => {
    expect(paidRentalEnding({ from: 'active', to: 'completed' })).toBe('completed');
    expect(paidRentalEnding({ from: 'active', to: 'terminated' })).toBe('terminated');
    expect(paidRentalEnding({ from: 'disputed', to: 'terminated' })).toBe('terminated');
  });

  it('a cancellation only of a rental that had started', () => {
    expect(paidRentalEnding({ from: 'active', to: 'cancelled' })).toBe('cancelled');
    expect(paidRentalEnding({ from: 'disputed', to: 'cancelled' })).toBe('cancelled');
    expect(paidRentalEnding({ from: 'pending_payment', to: 'cancelled' })).toBeNull();
  });

  it('nothing else: opening, payment, disputes and their resolution, settlement', () => {
    for (const to of ['pending_payment', 'active', 'disputed', 'settled'] as const) {
      for (const from of [null, ...rentalLifecycleStatuses]) expect(paidRentalEnding({ from, to })).toBeNull();
    }
  });
});
