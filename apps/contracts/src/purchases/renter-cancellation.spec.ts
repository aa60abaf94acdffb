import { RentalAlreadyStartedError, RentalNotCancellableError } from './purchase.errors';
import { renterCancellation } from './renter-cancellation';

describe('a renter cancelling a rental', () => {
  it('cancels one awaiting payment, and leaves a cancelled one as it is', () => {
    expect(renterCancellation('pending_payment')).toBe('cancel');
    expect(renterCancellation('cancelled')).toBe('already-cancelled');
  });

  it('refuses a started rental, pointing at the pro-rata cancellation', () => {
    for (const status of ['active', 'disputed'] as const) {
      expect(() => renterCancellation(status)).toThrow(RentalAlreadyStartedError);
      expect(() => renterCancellation(status)).toThrow(/ask for a pro-rata cancellation/);
    }
  });

  it('refuses a finished rental', () => {
    for (const status of ['completed', 'terminated', 'settled'] as const) {
      expect(() => renterCancellation(status)).toThrow(RentalNotCancellableError);
    }
  });
});
