import type { EventOf, rentalActivatedV1 } from '@hashproof/events';
import { causedBy } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FinalizeSettlementUseCase } from './finalize-settlement.usecase';
import { lockSettlement } from './lock-settlement';
import { Settlement } from './settlement.entity';

/**
 * An active rental opens the settlement its provider will be paid from, for what is verifiably delivered.
 * The rental's end and last measurement may already be here (each on its own topic): then it is final at once.
 */
@Injectable()
export class OpenSettlementUseCase {
  constructor(private readonly finalizeSettlement: FinalizeSettlementUseCase) {}

  async execute(event: EventOf<typeof rentalActivatedV1>, transaction: EntityManager): Promise<void> {
    const rental = event.value;
    await lockSettlement(transaction, rental.rentalId);
    await transaction
      .createQueryBuilder()
      .insert()
      .into(Settlement)
      .values({
        rentalId: rental.rentalId,
        providerId: rental.providerId,
        renterId: rental.renterId,
        contractValueMinor: String(rental.price.amountMinor),
        currency: rental.price.currency,
        periodStartsAt: new Date(rental.startsAt),
        periodEndsAt: new Date(rental.endsAt),
        status: 'open',
      })
      .orIgnore()
      .execute();
    await this.finalizeSettlement.execute(rental.rentalId, causedBy(event), transaction);
  }
}
