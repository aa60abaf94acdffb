import type { ConnectionChangeKind, EventOf, connectionChangedV1 } from '@hashproof/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveryWindowRepository } from './delivery-window.repository';

type IntervalChange = { side: 'rig' | 'pool-down'; opens: boolean };

/** Rig time is the provider's; pool outages are the renter's and are taken out of the measured time. */
const changes: Readonly<Record<ConnectionChangeKind, IntervalChange>> = {
  'rig-connected': { side: 'rig', opens: true },
  'rig-disconnected': { side: 'rig', opens: false },
  'pool-unreachable': { side: 'pool-down', opens: true },
  'pool-refused-worker': { side: 'pool-down', opens: true },
  'pool-disconnected': { side: 'pool-down', opens: true },
  'pool-connected': { side: 'pool-down', opens: false },
};

@Injectable()
export class RecordConnectionChangeUseCase {
  async execute(event: EventOf<typeof connectionChangedV1>, transaction: EntityManager): Promise<void> {
    const windows = new DeliveryWindowRepository(transaction);
    const { side, opens } = changes[event.value.kind];
    const at = new Date(event.value.at);
    if (opens) await windows.openInterval(event.key.rentalId, event.value.connectionId, side, at);
    else await windows.endInterval(event.key.rentalId, event.value.connectionId, side, at);
    if (event.value.kind === 'rig-disconnected') {
      // A rig that leaves takes its pool connection with it: that outage is no longer the renter's.
      await windows.endInterval(event.key.rentalId, event.value.connectionId, 'pool-down', at);
    }
  }
}
