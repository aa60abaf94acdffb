import { originatingFrom } from '@hashproof/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActivateRentalUseCase } from '../rentals/activate-rental.usecase';
import { CancelUnpaidRentalUseCase } from '../rentals/cancel-unpaid-rental.usecase';
import { holdExpiryAction, paymentHoldExpiredActor } from './payment-hold';
import { PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings';
import { RentalPaymentIntents } from './rental-payment-intents';

/** Per beat, so a backlog (after an outage) is worked off in bounded steps. */
const maxRentalsPerRun = 100;

interface ExpiredHold {
  readonly id: string;
  readonly payment_intent_id: string | null;
}

export interface HoldExpiryTally {
  readonly cancelled: number;
  readonly activated: number;
  readonly waiting: number;
  readonly failed: number;
}

/**
 * Ends the payment holds that have expired. Each rental's PaymentIntent is canceled at Stripe first, and the
 * rental moves only on what Stripe then says: canceled (or never created) cancels the rental, which releases
 * its capacity; succeeded (paid just before the cancel) activates it instead. Replicas may run this at the
 * same time: a second cancel at Stripe is answered with the intent's state, and both moves are idempotent.
 */
@Injectable()
export class ExpirePaymentHoldsUseCase {
  private readonly logger = new Logger('PaymentHolds');

  constructor(
    private readonly dataSource: DataSource,
    private readonly intents: RentalPaymentIntents,
    private readonly activateRental: ActivateRentalUseCase,
    private readonly cancelUnpaidRental: CancelUnpaidRentalUseCase,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {}

  /** Stops between rentals once `stopping` is aborted: each Stripe call may take seconds while Stripe is away. */
  async execute(now: Date, stopping?: AbortSignal): Promise<HoldExpiryTally> {
    const tally = { cancelled: 0, activated: 0, waiting: 0, failed: 0 };
    for (const hold of await this.expiredHolds(now)) {
      if (stopping?.aborted) break;
      try {
        const action = await this.expire(hold);
        if (action === 'cancel-rental') tally.cancelled += 1;
        else if (action === 'activate-rental') tally.activated += 1;
        else tally.waiting += 1;
      } catch (error) {
        // One rental Stripe cannot settle now must not hold up the others; it is due again on the next beat.
        tally.failed += 1;
        this.logger.warn({
          msg: 'could not end an expired payment hold; will retry',
          rentalId: hold.id,
          paymentIntentId: hold.payment_intent_id,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return tally;
  }

  /** The hold ends at the deadline stored with the intent, or, before any was requested, a hold after opening. */
  private expiredHolds(now: Date): Promise<ExpiredHold[]> {
    return this.dataSource.query<ExpiredHold[]>(
      `SELECT "id", "payment_intent_id" FROM "rentals"
        WHERE "status" = 'pending_payment'
          AND COALESCE("payment_hold_expires_at", "created_at" + make_interval(secs => $1)) <= $2
        ORDER BY "created_at", "id"
        LIMIT $3`,
      [this.settings.holdSeconds, now, maxRentalsPerRun],
    );
  }

  private async expire(hold: ExpiredHold) {
    const intentStatus = hold.payment_intent_id === null ? null : await this.intents.cancel(hold.payment_intent_id);
    const action = holdExpiryAction(intentStatus);
    const cause = originatingFrom();
    if (action === 'cancel-rental') {
      const reason =
        hold.payment_intent_id === null
          ? 'payment hold expired before payment was requested'
          : `payment hold expired; PaymentIntent ${hold.payment_intent_id} canceled at Stripe`;
      await this.cancelUnpaidRental.execute({
        rentalId: hold.id,
        actor: paymentHoldExpiredActor,
        reason,
        cause,
        whilePaymentIntentIs: hold.payment_intent_id,
      });
    } else if (action === 'activate-rental') {
      await this.activateRental.execute({
        rentalId: hold.id,
        actor: paymentHoldExpiredActor,
        reason: `payment hold expired after Stripe had taken the payment (PaymentIntent ${hold.payment_intent_id})`,
        cause,
        activatedAt: new Date(),
      });
    }
    return action;
  }
}
