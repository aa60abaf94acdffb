import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Rental } from '../rentals/rental.entity';
import { paymentHoldDeadline } from './payment-hold';
import { PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings';
import { PaymentHoldExpiredError, RentalNotAwaitingPaymentError, RentalToPayNotFoundError } from './payment.errors';
import { RentalPaymentIntents } from './rental-payment-intents';

export interface PaymentRequest {
  readonly paymentIntentId: string;
  /** For Stripe.js in the renter's browser to confirm the payment with. */
  readonly clientSecret: string;
  /** Unpaid by then, the rental is cancelled and its capacity released. */
  readonly holdExpiresAt: Date;
}

/**
 * Asks Stripe for the payment of a rental awaiting it: a PaymentIntent for the rental's price, created once
 * per rental (an idempotency key at Stripe, the intent id unique on the rental here), so asking again, or two
 * requests at once, get the same intent. No database transaction is held open across the call to Stripe.
 */
@Injectable()
export class RequestPaymentUseCase {
  private readonly logger = new Logger(RequestPaymentUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly intents: RentalPaymentIntents,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {}

  async execute(rentalId: string): Promise<PaymentRequest> {
    const rental = await this.dataSource.getRepository(Rental).findOneBy({ id: rentalId });
    if (!rental) throw new RentalToPayNotFoundError(rentalId);
    if (rental.status !== 'pending_payment') throw new RentalNotAwaitingPaymentError(rental.id, rental.status);
    const holdExpiresAt =
      rental.paymentHoldExpiresAt ?? paymentHoldDeadline(rental.createdAt, this.settings.holdSeconds);
    if (holdExpiresAt.getTime() <= Date.now()) throw new PaymentHoldExpiredError(rental.id, holdExpiresAt);

    const intent = rental.paymentIntentId
      ? await this.intents.retrieve(rental.paymentIntentId)
      : await this.intents.open(rental);
    if (rental.paymentIntentId !== intent.id) await this.attach(rental.id, intent.id, holdExpiresAt);
    if (!intent.client_secret) throw new Error(`Stripe returned PaymentIntent ${intent.id} without a client secret`);
    return { paymentIntentId: intent.id, clientSecret: intent.client_secret, holdExpiresAt };
  }

  /**
   * Stores the intent on the rental. Should the hold have cancelled the rental while Stripe was being asked, the
   * intent is stored all the same (so a payment with it is still recognised) and canceled, and the caller told.
   */
  private async attach(rentalId: string, paymentIntentId: string, holdExpiresAt: Date): Promise<void> {
    const status = await this.dataSource.transaction(async (transaction) => {
      const rental = await transaction.findOne(Rental, {
        where: { id: rentalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!rental) throw new RentalToPayNotFoundError(rentalId);
      if (rental.paymentIntentId !== null && rental.paymentIntentId !== paymentIntentId) {
        throw new Error(
          `rental ${rentalId} already has PaymentIntent ${rental.paymentIntentId}, not ${paymentIntentId}`,
        );
      }
      await transaction.update(Rental, { id: rentalId }, { paymentIntentId, paymentHoldExpiresAt: holdExpiresAt });
      return rental.status;
    });
    if (status === 'pending_payment') return;
    await this.intents.cancel(paymentIntentId).catch((error: unknown) =>
      this.logger.warn({
        msg: 'could not cancel the PaymentIntent of a rental cancelled meanwhile',
        rentalId,
        paymentIntentId,
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
    throw new RentalNotAwaitingPaymentError(rentalId, status);
  }
}
