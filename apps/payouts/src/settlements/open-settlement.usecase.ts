import type { EventValue, rentalActivatedV1 } from '@hashproof/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Settlement } from './settlement.entity';

/** An active rental opens the settlement its provider will be paid from, for what is verifiably delivered. */
@Injectable()
export class OpenSettlementUseCase {
  async execute(rental: EventValue<typeof rentalActivatedV1>, transaction: EntityManager): Promise<void> {
    await transaction.insert(Settlement, {
      rentalId: rental.rentalId,
      providerId: rental.providerId,
      renterId: rental.renterId,
      contractValueMinor: String(rental.price.amountMinor),
      currency: rental.price.currency,
      periodStartsAt: new Date(rental.startsAt),
      periodEndsAt: new Date(rental.endsAt),
      status: 'open',
    });
  }
}
