import type { EventOf, paymentSucceededV1 } from '@hashproof/events';
import { causedBy } from '@hashproof/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { ActivateRentalUseCase } from '../rentals/activate-rental.usecase';
import { Rental } from '../rentals/rental.entity';
import { onPaymentSucceeded } from './payment-decisions';
import { lockRentalOfPayment } from './payment-rental';
import { recordPaymentEvent } from './record-payment-event';

/**
 * Money taken for a rental starts it (the verifier then admits the provider's rigs with the credential that
 * rentals.activated carries). A rental that had already started stays as it is; one the payment hold had
 * cancelled cannot start any more and is flagged `payment_received_after_cancel`: the refund is payouts' to make.
 */
@Injectable()
export class ApplyPaymentSucceededUseCase {
  private readonly logger = new Logger(ApplyPaymentSucceededUseCase.name);

  constructor(private readonly activateRental: ActivateRentalUseCase) {}

  async execute(event: EventOf<typeof paymentSucceededV1>, transaction: EntityManager): Promise<void> {
    const payment = event.value;
    const rental = await lockRentalOfPayment(transaction, payment);
    // An intent created at Stripe whose id was never stored here (the request failed after Stripe answered).
    await transaction.update(
      Rental,
      { id: rental.id, paymentIntentId: IsNull() },
      { paymentIntentId: payment.paymentIntentId },
    );
    if (Number(rental.priceMinor) !== payment.amountMinor || rental.currency !== payment.currency) {
      this.logger.warn({
        msg: 'payment differs from the rental price',
        rentalId: rental.id,
        price: { amountMinor: rental.priceMinor, currency: rental.currency },
        paid: { amountMinor: payment.amountMinor, currency: payment.currency },
      });
    }
    const outcome = onPaymentSucceeded(rental.status);
    if (outcome === 'activated') {
      await this.activateRental.execute(
        {
          rentalId: rental.id,
          actor: `stripe:${payment.stripeEventId}`,
          cause: causedBy(event),
          activatedAt: new Date(),
        },
        transaction,
      );
    } else if (outcome === 'received-after-cancel') {
      await transaction.update(Rental, { id: rental.id }, { paymentReceivedAfterCancel: true });
      this.logger.warn({
        msg: 'payment received for a rental already cancelled; it stays cancelled and the payment is owed back',
        rentalId: rental.id,
        paymentIntentId: payment.paymentIntentId,
        stripeEventId: payment.stripeEventId,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
      });
    } else {
      this.logger.log({ msg: 'payment for a rental already started; nothing to do', rentalId: rental.id });
    }
    await recordPaymentEvent(transaction, 'succeeded', payment, outcome);
  }
}
