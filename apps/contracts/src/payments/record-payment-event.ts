import type { EventValue, paymentSucceededV1 } from '@hashproof/events';
import type { EntityManager } from 'typeorm';
import type { PaymentOutcome } from './payment-decisions';
import { type PaymentEventKind, RentalPaymentEvent } from './rental-payment-event.entity';

/** The facts every payment event carries. */
type PaymentFacts = EventValue<typeof paymentSucceededV1>;

/** Keeps a payment event and its outcome with the rental, in the transaction that applied it. */
export async function recordPaymentEvent(
  transaction: EntityManager,
  kind: PaymentEventKind,
  payment: PaymentFacts,
  outcome: PaymentOutcome,
): Promise<void> {
  await transaction
    .createQueryBuilder()
    .insert()
    .into(RentalPaymentEvent)
    .values({
      stripeEventId: payment.stripeEventId,
      rentalId: payment.rentalId,
      kind,
      paymentIntentId: payment.paymentIntentId,
      amountMinor: String(payment.amountMinor),
      currency: payment.currency,
      occurredAt: new Date(payment.occurredAt),
      outcome,
    })
    // The gateway passes each Stripe event on once; should one come twice all the same, the first stays.
    .orIgnore()
    .execute();
}
