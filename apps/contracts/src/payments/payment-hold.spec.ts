import { holdExpiryAction, paymentHoldDeadline } from './payment-hold';

describe('the payment hold', () => {
  it('ends a fixed time after the rental opened', () => {
    expect(paymentHoldDeadline(new Date('2026-11-24T10:00:00.000Z'), 900)).toEqual(
      new Date('2026-11-24T10:15:00.000Z'),
    );
  });

  it('cancels the rental once Stripe confirms the intent is canceled, or when none was ever created', () => {
    expect(holdExpiryAction('canceled')).toBe('cancel-rental');
    expect(holdExpiryAction(null)).toBe('cancel-rental');
  });

  it('activates instead when Stripe had already taken the money', () => {
    expect(holdExpiryAction('succeeded')).toBe('activate-rental');
  });

  it.each(['processing', 'requires_capture', 'requires_payment_method', 'requires_action'] as const)(
    'waits while the intent is %s: the outcome is not known yet',
    (status) => {
      expect(holdExpiryAction(status)).toBe('wait');
    },
  );
});
