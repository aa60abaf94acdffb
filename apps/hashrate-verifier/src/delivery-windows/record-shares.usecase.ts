import type { EventOf, shareJudgedV1 } from '@hashproof/events';
import type { RejectedEvent } from '@hashproof/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DELIVERY_WINDOW_SETTINGS, type DeliveryWindowSettings } from './delivery-window-settings';
import { DeliveryWindowRepository, windowKey } from './delivery-window.repository';
import { assignSharesToWindows } from './share-windows';
import { emptyTally, tallyShares } from './window-tally';

type ShareJudged = EventOf<typeof shareJudgedV1>;

/**
 * Adds a batch of judged shares to the windows they belong to, in a handful of statements whatever the batch's
 * size: its contracts locked at once, each window it touches read, added to in memory and written back once.
 */
@Injectable()
export class RecordSharesUseCase {
  constructor(@Inject(DELIVERY_WINDOW_SETTINGS) private readonly settings: DeliveryWindowSettings) {}

  async execute(events: readonly ShareJudged[], transaction: EntityManager): Promise<RejectedEvent<ShareJudged>[]> {
    const windows = new DeliveryWindowRepository(transaction);
    const contracts = await windows.lockContracts([...new Set(events.map((event) => event.key.rentalId))]);
    const { windows: touched, unknownContract } = assignSharesToWindows(events, contracts, this.settings.windowMs);
    const current = await windows.lockWindows(touched);
    await windows.saveTallies(
      touched.map(({ rentalId, bounds, shares }) => ({
        rentalId,
        index: bounds.index,
        state: tallyShares(
          current.get(windowKey(rentalId, bounds.index)) ?? { ...emptyTally, lastDifficulty: null },
          shares,
        ),
      })),
    );
    // The endpoint only judges shares for contracts it found in this database, so an unknown one never heals.
    return unknownContract.map((event) => ({ event, reason: `no delivery contract for rental ${event.key.rentalId}` }));
  }
}
