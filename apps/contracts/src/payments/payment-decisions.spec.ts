import { rentalStatuses } from '../rentals/rental-status';
import { onPaymentCanceled, onPaymentSucceeded } from './payment-decisions';

describe('what a payment event does to its rental', () => {
  it('a success starts a rental awaiting payment', () => {
    expect(onPaymentSucceeded('pending_payment')).toBe('activated');
  });

  it('a success for a rental the hold already cancelled is flagged, not applied', () => {
    expect(onPaymentSucceeded('cancelled')).toBe('received-after-cancel');
  });

  it.each(rentalStatuses.filter((status) => !['pending_payment', 'cancelled'].includes(status)))(
    'a repeated or late success leaves a %s rental alone',
    (status) => {
      expect(onPaymentSucceeded(status)).toBe('already-started');
    },
  );

  it('a cancellation cancels a rental still awaiting that payment', () => {
    expect(onPaymentCanceled({ status: 'pending_payment', paymentIntentId: 'pi_1' }, 'pi_1')).toBe('cancelled');
    expect(onPaymentCanceled({ status: 'pending_payment', paymentIntentId: null }, 'pi_1')).toBe('cancelled');
  });

  it('a cancellation out of order changes nothing: after the success, after the hold, or of another intent', () => {
    expect(onPaymentCanceled({ status: 'active', paymentIntentId: 'pi_1' }, 'pi_1')).toBe('unchanged');
    expect(onPaymentCanceled({ status: 'cancelled', paymentIntentId: 'pi_1' }, 'pi_1')).toBe('unchanged');
    expect(onPaymentCanceled({ status: 'pending_payment', paymentIntentId: 'pi_2' }, 'pi_1')).toBe('unchanged');
  });
});
