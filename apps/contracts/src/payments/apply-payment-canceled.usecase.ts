import type { EventOf, paymentCanceledV1 } from '@hashproof/events';
import { causedBy } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CancelUnpaidRentalUseCase } from '../rentals/cancel-unpaid-rental.usecase';
import { onPaymentCanceled } from './payment-decisions';
import { lockRentalOfPayment } from './payment-rental';
import { recordPaymentEvent } from './record-payment-event';

/**
 * A PaymentIntent canceled at Stripe (by the hold expiry, which has usually cancelled the rental already, or
 * in Stripe's dashboard) cancels a rental still awaiting that payment and so releases its capacity.
 */
@Injectable()
export class ApplyPaymentCanceledUseCase {
  constructor(private readonly cancelUnpaidRental: CancelUnpaidRentalUseCase) {}

  async execute(event: EventOf<typeof paymentCanceledV1>, transaction: EntityManager): Promise<void> {
    const payment = event.value;
    const rental = await lockRentalOfPayment(transaction, payment);
    const outcome = onPaymentCanceled(rental, payment.paymentIntentId);
    if (outcome === 'cancelled') {
      await this.cancelUnpaidRental.execute(
        {
          rentalId: rental.id,
          actor: `stripe:${payment.stripeEventId}`,
          reason: `PaymentIntent ${payment.paymentIntentId} canceled at Stripe (${payment.cancellationReason ?? 'no reason given'})`,
          cause: causedBy(event),
        },
        transaction,
      );
    }
    await recordPaymentEvent(transaction, 'canceled', payment, outcome);
  }
}
