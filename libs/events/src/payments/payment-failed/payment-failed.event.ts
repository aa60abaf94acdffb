import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { retention } from '../../retention';
import { stripePaymentFacts } from '../stripe-payment';

/**
 * An attempt to pay for a rental failed at Stripe (`payment_intent.payment_failed`, e.g. a declined card).
 * The intent stays open: the renter may try again with it until the rental's payment hold expires.
 */
export const paymentFailedV1 = defineEvent({
  topic: 'payments.payment-failed.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    ...stripePaymentFacts,
    /** Stripe's `last_payment_error`, when it gave one. */
    failure: z
      .object({
        code: z.string().max(200).nullable(),
        declineCode: z.string().max(200).nullable(),
        message: z.string().max(2000).nullable(),
      })
      .nullable(),
  }),
});
