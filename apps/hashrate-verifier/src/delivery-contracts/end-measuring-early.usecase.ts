import type { EventValue, rentalStatusChangedV1 } from '@hashproof/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { endsMeasurementEarly } from './rental-ending';
import { RentalEndingRepository } from './rental-ending.repository';

/**
 * A running rental cancelled or terminated stops being measured when it ended: its contract ends then (its last
 * window is cut there) and its credential is revoked, so its rigs are refused and let go. Recorded first, so that
 * an activation still on its way applies it too.
 */
@Injectable()
export class EndMeasuringEarlyUseCase {
  async execute(change: EventValue<typeof rentalStatusChangedV1>, transaction: EntityManager): Promise<void> {
    if (!endsMeasurementEarly(change)) return;
    const endings = new RentalEndingRepository(transaction);
    await endings.lockRental(change.rentalId);
    await endings.record({ rentalId: change.rentalId, endedAt: new Date(change.at), status: change.to });
    await endings.applyTo(change.rentalId);
  }
}
