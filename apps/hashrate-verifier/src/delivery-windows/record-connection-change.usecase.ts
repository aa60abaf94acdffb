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

/**
 * The renter's pool is one for the whole rental: an outage seen on any rig connection lasts until a
 * connection reaches the pool again. It does not end when the rig the endpoint had to let go
 * reconnects and is turned away: that time is still the renter's.
 */
const RENTER_POOL = 'renter-pool';

@Injectable()
export class RecordConnectionChangeUseCase {
  async execute(event: EventOf<typeof connectionChangedV1>, transaction: EntityManager): Promise<void> {
    const windows = new DeliveryWindowRepository(transaction);
    const { side, opens } = changes[event.value.kind];
    const at = new Date(event.value.at);
    const connectionId = side === 'pool-down' ? RENTER_POOL : event.value.connectionId;
    if (opens) await windows.openInterval(event.key.rentalId, connectionId, side, at);
    else await windows.endInterval(event.key.rentalId, connectionId, side, at);
  }
}
