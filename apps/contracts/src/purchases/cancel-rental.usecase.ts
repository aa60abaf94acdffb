import { originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { holdExpiryAction } from '../payments/payment-hold';
import { RentalPaymentIntents } from '../payments/rental-payment-intents';
import { CancelUnpaidRentalUseCase } from '../rentals/cancel-unpaid-rental.usecase';
import { Rental } from '../rentals/rental.entity';
import { CancelProRataUseCase } from './cancel-pro-rata.usecase';
import { RentalNotCancellableError, RentalNotFoundError } from './purchase.errors';
import { assertMayCancel } from './rental-access';
import { renterCancellation } from './renter-cancellation';

/** A PaymentIntent attached between reading the rental and cancelling it is settled on the next round. */
const maxRounds = 3;

/**
 * A renter (or an admin) cancels a rental. A running one ends now, pro rata. One not yet started has its
 * PaymentIntent canceled at Stripe first, and moves only on what Stripe then says, as when a payment hold
 * expires: canceled cancels it and releases its capacity; paid, or still processing, is a 409 (the webhook
 * starts a paid rental, which can then be cancelled pro rata).
 */
@Injectable()
export class CancelRentalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intents: RentalPaymentIntents,
    private readonly cancelUnpaidRental: CancelUnpaidRentalUseCase,
    private readonly cancelProRata: CancelProRataUseCase,
  ) {}

  async execute(actor: Actor, rentalId: string): Promise<Rental> {
    for (let round = 0; round < maxRounds; round += 1) {
      const rental = await this.find(rentalId);
      assertMayCancel(actor, rental);
      const cancellation = renterCancellation(rental.status);
      if (cancellation === 'already-cancelled') return rental;
      if (cancellation === 'cancel-pro-rata') return this.cancelProRata.execute(actor, rentalId);
      await this.settleIntent(rental.paymentIntentId);
      const outcome = await this.cancelUnpaidRental.execute({
        rentalId,
        actor: actorLabel(actor),
        reason: 'cancelled before the start',
        cause: originatingFrom(),
        whilePaymentIntentIs: rental.paymentIntentId,
      });
      if (outcome.cancelled) return this.find(rentalId);
    }
    throw new RentalNotCancellableError('the rental changed while it was being cancelled; try again');
  }

  private async find(rentalId: string): Promise<Rental> {
    const rental = await this.dataSource.getRepository(Rental).findOneBy({ id: rentalId });
    if (!rental) throw new RentalNotFoundError();
    return rental;
  }

  private async settleIntent(paymentIntentId: string | null): Promise<void> {
    if (paymentIntentId === null) return;
    const action = holdExpiryAction(await this.intents.cancel(paymentIntentId));
    if (action === 'activate-rental') {
      throw new RentalNotCancellableError(
        'the rental has been paid and is starting; cancel it again shortly to end it pro rata',
      );
    }
    if (action === 'wait') throw new RentalNotCancellableError('its payment is being processed; try again shortly');
  }
}
