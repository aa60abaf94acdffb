import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { retention } from '../../retention';
import { stripePaymentFacts } from '../stripe-payment';

/**
 * A rental's PaymentIntent was canceled at Stripe (`payment_intent.canceled`): by hashproof when the payment
 * hold expired, or by someone in Stripe's dashboard. No money can be taken with it any more.
 */
export const paymentCanceledV1 = defineEvent({
  topic: 'payments.payment-canceled.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    ...stripePaymentFacts,
    /** Stripe's `cancellation_reason` (`abandoned`, `requested_by_customer`, …), when it has one. */
    cancellationReason: z.string().max(200).nullable(),
  }),
});
