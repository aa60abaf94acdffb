import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RenterPool } from './renter-pool';
import { Rental } from './rental.entity';
import { RentalTransition } from './rental-transition.entity';

export interface OpenRentalCommand {
  readonly listingId: string;
  readonly providerId: string;
  readonly renterId: string;
  readonly hashrate: bigint;
  readonly durationSeconds: number;
  readonly priceMinor: bigint;
  readonly currency: string;
  readonly pool: RenterPool;
  readonly actor: string;
}

/** Records a new rental awaiting payment; it starts only when activated. */
@Injectable()
export class OpenRentalUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: OpenRentalCommand): Promise<Rental> {
    return this.dataSource.transaction(async (transaction) => {
      const rental = transaction.create(Rental, {
        id: randomUUID(),
        listingId: command.listingId,
        providerId: command.providerId,
        renterId: command.renterId,
        hashrate: command.hashrate.toString(),
        durationSeconds: command.durationSeconds,
        priceMinor: command.priceMinor.toString(),
        currency: command.currency,
        status: 'pending_payment',
        poolUrl: command.pool.url,
        poolWorker: command.pool.worker,
        poolPassword: command.pool.password,
        stratumCredential: null,
        startsAt: null,
        endsAt: null,
      });
      await transaction.save(rental);
      await transaction.insert(RentalTransition, {
        rentalId: rental.id,
        fromStatus: null,
        toStatus: 'pending_payment',
        actor: command.actor,
        reason: null,
      });
      return rental;
    });
  }
}
