import type Stripe from 'stripe';

/** The actor of every change the expiry of a payment hold makes. */
export const paymentHoldExpiredActor = 'system:payment-hold-expired';

/** When an unpaid rental stops holding capacity: a fixed time after it was opened. */
export function paymentHoldDeadline(openedAt: Date, holdSeconds: number): Date {
  return new Date(openedAt.getTime() + holdSeconds * 1000);
}

/**
 * What to do with a rental whose hold has expired, once its PaymentIntent has been canceled at Stripe (or the
 * attempt refused): `null` means no intent was ever created.
 * - canceled, or never created: no money can come any more, so the rental is cancelled and its capacity freed;
 * - succeeded: Stripe took the money before the cancel, so the rental starts (its webhook may still be on its way);
 * - anything else (processing, requires_capture…): the outcome is not known yet; look again on the next beat.
 */
export type HoldExpiryAction = 'cancel-rental' | 'activate-rental' | 'wait';

export function holdExpiryAction(intentStatus: Stripe.PaymentIntent.Status | null): HoldExpiryAction {
  if (intentStatus === null || intentStatus === 'canceled') return 'cancel-rental';
  if (intentStatus === 'succeeded') return 'activate-rental';
  return 'wait';
}
