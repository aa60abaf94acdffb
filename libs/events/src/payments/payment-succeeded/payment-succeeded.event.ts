import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { retention } from '../../retention';
import { stripePaymentFacts } from '../stripe-payment';

/**
 * A renter's payment for a rental went through at Stripe (`payment_intent.succeeded`, verified by the gateway):
 * the money is taken, so the rental starts if it still can.
 */
export const paymentSucceededV1 = defineEvent({
  topic: 'payments.payment-succeeded.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object(stripePaymentFacts),
});
