import { type EventCause, Outbox } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordRentalTransition } from './record-rental-transition';
import { Rental } from './rental.entity';
import type { RentalStatus } from './rental-status';

export interface CancelUnpaidRentalCommand {
  readonly rentalId: string;
  /** e.g. "system:payment-hold-expired", "stripe:<event id>". */
  readonly actor: string;
  readonly reason: string;
  readonly cause: EventCause;
  /**
   * Cancel only while the rental's PaymentIntent is still this one (null: none yet), i.e. what the caller
   * settled at Stripe; a rental whose intent changed meanwhile is left for the next look.
   */
  readonly whilePaymentIntentIs?: string | null;
}

export type CancelUnpaidRentalOutcome =
  { readonly cancelled: true } | { readonly cancelled: false; readonly status: RentalStatus | null };

/**
 * Cancels a rental that was never paid, which gives its capacity back (capacity is what pending, active and
 * disputed rentals hold). Only `pending_payment` moves; a rental that was paid meanwhile, or is already
 * cancelled, is left as it is and the outcome says what it was.
 */
@Injectable()
export class CancelUnpaidRentalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: CancelUnpaidRentalCommand, transaction?: EntityManager): Promise<CancelUnpaidRentalOutcome> {
    if (transaction) return this.cancelWithin(transaction, command);
    return this.dataSource.transaction((own) => this.cancelWithin(own, command));
  }

  private async cancelWithin(
    transaction: EntityManager,
    command: CancelUnpaidRentalCommand,
  ): Promise<CancelUnpaidRentalOutcome> {
    const rental = await transaction.findOne(Rental, {
      where: { id: command.rentalId },
      lock: { mode: 'pessimistic_write' },
    });
    if (rental?.status !== 'pending_payment') return { cancelled: false, status: rental?.status ?? null };
    const intentMoved =
      command.whilePaymentIntentIs !== undefined && rental.paymentIntentId !== command.whilePaymentIntentIs;
    if (intentMoved) return { cancelled: false, status: rental.status };
    rental.status = 'cancelled';
    await transaction.save(rental);
    await recordRentalTransition(transaction, this.outbox, {
      rentalId: rental.id,
      from: 'pending_payment',
      to: 'cancelled',
      actor: command.actor,
      reason: command.reason,
      cause: command.cause,
    });
    return { cancelled: true };
  }
}
