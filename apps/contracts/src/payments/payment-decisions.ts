import type { RentalStatus } from '../rentals/rental-status';

/** What a payment event did to its rental, as recorded with it in rental_payment_events. */
export type PaymentOutcome =
  'activated' | 'already-started' | 'received-after-cancel' | 'cancelled' | 'unchanged' | 'recorded';

/**
 * Money was taken. A rental awaiting payment starts; one already started is left alone (a repeated or
 * late notice); one the hold already cancelled cannot start any more, so the payment is flagged for a refund.
 */
export function onPaymentSucceeded(status: RentalStatus): 'activated' | 'already-started' | 'received-after-cancel' {
  if (status === 'pending_payment') return 'activated';
  if (status === 'cancelled') return 'received-after-cancel';
  return 'already-started';
}

/**
 * The PaymentIntent was canceled at Stripe: a rental still awaiting that payment is cancelled. Anything else
 * (paid meanwhile, already cancelled, or waiting on another intent) is out of order and changes nothing.
 */
export function onPaymentCanceled(
  rental: { readonly status: RentalStatus; readonly paymentIntentId: string | null },
  paymentIntentId: string,
): 'cancelled' | 'unchanged' {
  const sameIntent = rental.paymentIntentId === null || rental.paymentIntentId === paymentIntentId;
  return rental.status === 'pending_payment' && sameIntent ? 'cancelled' : 'unchanged';
}
