import type { deliveryMeasurementCompletedV1, EventOf } from '@hashproof/events';
import { causedBy } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveryMeasurement } from './delivery-measurement.entity';
import { FinalizeSettlementUseCase } from './finalize-settlement.usecase';
import { lockSettlement } from './lock-settlement';

/**
 * Keeps the verifier's last measurement of a rental (the first announcement; it measures each rental to the
 * end once), then finalizes the settlement if the rental's ending is already here. A rental still disputed
 * waits: its settlement follows the dispute's resolution to an end.
 */
@Injectable()
export class RecordDeliveryMeasurementUseCase {
  constructor(private readonly finalizeSettlement: FinalizeSettlementUseCase) {}

  async execute(event: EventOf<typeof deliveryMeasurementCompletedV1>, transaction: EntityManager): Promise<void> {
    const measured = event.value;
    await lockSettlement(transaction, measured.rentalId);
    await transaction
      .createQueryBuilder()
      .insert()
      .into(DeliveryMeasurement)
      .values({
        rentalId: measured.rentalId,
        startsAt: new Date(measured.startsAt),
        endsAt: new Date(measured.endsAt),
        contractedHashrate: measured.contractedHashrate,
        measuredSeconds: measured.measuredSeconds,
        poolDownSeconds: measured.poolDownSeconds,
        deliveredWork: measured.deliveredWork,
        verdict: measured.verdict,
        eventId: event.eventId,
      })
      .orIgnore()
      .execute();
    await this.finalizeSettlement.execute(measured.rentalId, causedBy(event), transaction);
  }
}
