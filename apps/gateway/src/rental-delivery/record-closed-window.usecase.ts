import type { deliveryWindowClosedV1, EventOf } from '@hashproof/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveryWindow } from './delivery-window.entity';

/**
 * Keeps a closed window as published. A window closes once: a second report of the same window, even
 * under a new event id, is ignored rather than counted twice.
 */
@Injectable()
export class RecordClosedWindowUseCase {
  async execute(event: EventOf<typeof deliveryWindowClosedV1>, transaction: EntityManager): Promise<void> {
    const closed = event.value;
    await transaction
      .createQueryBuilder()
      .insert()
      .into(DeliveryWindow)
      .values({
        rentalId: closed.rentalId,
        windowIndex: closed.windowIndex,
        startsAt: new Date(closed.startsAt),
        endsAt: new Date(closed.endsAt),
        closedAt: new Date(event.occurredAt),
        contractedHashrate: closed.contractedHashrate,
        acceptedShares: closed.window.acceptedShares,
        rejectedShares: Object.values(closed.rejectedByReason).reduce((sum, count) => sum + count, 0),
        rejectedByReason: closed.rejectedByReason,
        poolDisagreements: closed.poolDisagreements,
        blockCandidates: closed.blockCandidates,
        poolDownSeconds: closed.poolDownSeconds,
        rigConnectedSeconds: closed.rigConnectedSeconds,
        measurement: closed.window,
        contractToDate: closed.contractToDate,
      })
      .orIgnore()
      .execute();
  }
}
