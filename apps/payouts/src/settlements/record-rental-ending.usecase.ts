import type { EventOf, rentalStatusChangedV1 } from '@hashproof/events';
import { causedBy } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FinalizeSettlementUseCase } from './finalize-settlement.usecase';
import { lockSettlement } from './lock-settlement';
import { paidRentalEnding } from './rental-ending';
import { RentalEnding } from './rental-ending.entity';

/**
 * Keeps how and when a paid rental ended (the first announcement; a rental ends once), then finalizes its
 * settlement if the verifier's last measurement is already here. Every other status change is ignored.
 */
@Injectable()
export class RecordRentalEndingUseCase {
  constructor(private readonly finalizeSettlement: FinalizeSettlementUseCase) {}

  async execute(event: EventOf<typeof rentalStatusChangedV1>, transaction: EntityManager): Promise<void> {
    const change = event.value;
    const status = paidRentalEnding(change);
    if (status === null) return;
    await lockSettlement(transaction, change.rentalId);
    await transaction
      .createQueryBuilder()
      .insert()
      .into(RentalEnding)
      .values({ rentalId: change.rentalId, status, endedAt: new Date(change.at), eventId: event.eventId })
      .orIgnore()
      .execute();
    await this.finalizeSettlement.execute(change.rentalId, causedBy(event), transaction);
  }
}
