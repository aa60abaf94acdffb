import type { EventOf, rentalActivatedV1 } from '@hashproof/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveredRental } from './delivered-rental.entity';

/** Names the renter and provider who may read a rental's delivery evidence; a rental activates once. */
@Injectable()
export class RecordRentalActivationUseCase {
  async execute(event: EventOf<typeof rentalActivatedV1>, transaction: EntityManager): Promise<void> {
    const rental = event.value;
    await transaction
      .createQueryBuilder()
      .insert()
      .into(DeliveredRental)
      .values({
        rentalId: rental.rentalId,
        listingId: rental.listingId,
        renterId: rental.renterId,
        providerId: rental.providerId,
        contractedHashrate: rental.hashrate,
        startsAt: new Date(rental.startsAt),
        endsAt: new Date(rental.endsAt),
        activatedAt: new Date(event.occurredAt),
      })
      .orIgnore()
      .execute();
  }
}
