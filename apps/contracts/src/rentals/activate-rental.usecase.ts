import { rentalActivatedV1 } from '@hashproof/events';
import { type EventCause, Outbox } from '@hashproof/messaging';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertTransition } from './rental-lifecycle';
import { issueStratumCredential } from '@hashproof/stratum';
import { Rental } from './rental.entity';
import { recordRentalTransition } from './record-rental-transition';

export interface ActivateRentalCommand {
  readonly rentalId: string;
  readonly actor: string;
  readonly cause: EventCause;
  readonly activatedAt: Date;
  /** Why, for the audit trail; e.g. that the hold expired after the money had been taken. */
  readonly reason?: string;
}

/**
 * Starts a paid rental. The status change, its audit record and the rentals.activated and
 * rentals.status-changed events commit together; activating an already active rental (a repeated payment
 * notice) changes nothing. Given a transaction (an event handler's), it works inside it.
 */
@Injectable()
export class ActivateRentalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: ActivateRentalCommand, transaction?: EntityManager): Promise<Rental> {
    if (transaction) return this.activateWithin(transaction, command);
    return this.dataSource.transaction((own) => this.activateWithin(own, command));
  }

  private async activateWithin(transaction: EntityManager, command: ActivateRentalCommand): Promise<Rental> {
    const rental = await transaction.findOne(Rental, {
      where: { id: command.rentalId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!rental) throw new NotFoundException(`rental ${command.rentalId} does not exist`);
    if (rental.status === 'active') return rental;
    assertTransition(rental.status, 'active');
    await this.activate(transaction, rental, command);
    return rental;
  }

  private async activate(transaction: EntityManager, rental: Rental, command: ActivateRentalCommand): Promise<void> {
    const previous = rental.status;
    rental.status = 'active';
    rental.startsAt = command.activatedAt;
    rental.endsAt = new Date(command.activatedAt.getTime() + rental.durationSeconds * 1000);
    rental.stratumCredential = issueStratumCredential();
    await transaction.save(rental);
    await recordRentalTransition(transaction, this.outbox, {
      rentalId: rental.id,
      from: previous,
      to: 'active',
      actor: command.actor,
      reason: command.reason ?? null,
      cause: command.cause,
    });
    await this.outbox.record(
      transaction,
      rentalActivatedV1,
      { rentalId: rental.id },
      {
        rentalId: rental.id,
        listingId: rental.listingId,
        providerId: rental.providerId,
        renterId: rental.renterId,
        algorithm: 'sha256d',
        hashrate: rental.hashrate,
        startsAt: rental.startsAt.toISOString(),
        endsAt: rental.endsAt.toISOString(),
        price: { amountMinor: Number(rental.priceMinor), currency: rental.currency },
        stratum: {
          credential: rental.stratumCredential,
          pool: { url: rental.poolUrl, worker: rental.poolWorker, password: rental.poolPassword },
        },
      },
      command.cause,
    );
  }
}
