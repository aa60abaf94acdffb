import type { EventOf, paymentFailedV1 } from '@hashproof/events';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockRentalOfPayment } from './payment-rental';
import { recordPaymentEvent } from './record-payment-event';

/**
 * A failed attempt changes nothing: the renter may try again with the same PaymentIntent until the hold
 * expires, and a failure arriving after the success (webhooks come in any order) must not undo it. It is kept
 * with the rental for the record.
 */
@Injectable()
export class ApplyPaymentFailedUseCase {
  private readonly logger = new Logger(ApplyPaymentFailedUseCase.name);

  async execute(event: EventOf<typeof paymentFailedV1>, transaction: EntityManager): Promise<void> {
    const payment = event.value;
    const rental = await lockRentalOfPayment(transaction, payment);
    this.logger.log({
      msg: 'payment attempt failed',
      rentalId: rental.id,
      status: rental.status,
      paymentIntentId: payment.paymentIntentId,
      failure: payment.failure,
    });
    await recordPaymentEvent(transaction, 'failed', payment, 'recorded');
  }
}
