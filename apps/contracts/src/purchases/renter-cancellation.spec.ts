import { RentalDisputedError, RentalNotCancellableError } from './purchase.errors';
import { renterCancellation } from './renter-cancellation';

describe('a renter cancelling a rental', () => {
  it('cancels one awaiting payment before it starts, and a running one pro rata', () => {
    expect(renterCancellation('pending_payment')).toBe('cancel-before-start');
    expect(renterCancellation('active')).toBe('cancel-pro-rata');
  });

  it('leaves a cancelled one as it is', () => {
    expect(renterCancellation('cancelled')).toBe('already-cancelled');
  });

  it('refuses a disputed rental until the dispute is resolved', () => {
    expect(() => renterCancellation('disputed')).toThrow(RentalDisputedError);
    expect(() => renterCancellation('disputed')).toThrow(/once an admin has resolved the dispute/);
  });

  it('refuses a finished rental', () => {
    for (const status of ['completed', 'terminated', 'settled'] as const) {
      expect(() => renterCancellation(status)).toThrow(RentalNotCancellableError);
    }
  });
});
