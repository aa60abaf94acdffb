import type { EventOf, shareJudgedV1 } from '@hashproof/events';
import { PermanentFailureError } from '@hashproof/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DELIVERY_WINDOW_SETTINGS, type DeliveryWindowSettings } from './delivery-window-settings';
import { DeliveryWindowRepository } from './delivery-window.repository';
import { WindowSchedule } from './window-schedule';
import { tallyShare } from './window-tally';

/**
 * Adds a judged share to the window it belongs to. A share that arrives after its window closed is
 * counted in the first window still open, so late evidence is never dropped.
 */
@Injectable()
export class RecordShareUseCase {
  constructor(@Inject(DELIVERY_WINDOW_SETTINGS) private readonly settings: DeliveryWindowSettings) {}

  async execute(event: EventOf<typeof shareJudgedV1>, transaction: EntityManager): Promise<void> {
    const windows = new DeliveryWindowRepository(transaction);
    const contract = await windows.lockContract(event.key.rentalId);
    // The endpoint only judges shares for contracts it found in this database, so an unknown one never heals.
    if (!contract) throw new PermanentFailureError(`no delivery contract for rental ${event.key.rentalId}`);
    const schedule = new WindowSchedule(contract.startsAt, contract.endsAt, this.settings.windowMs);
    const index = Math.max(schedule.indexAt(new Date(event.value.judgedAt)), contract.nextWindowIndex);
    if (index > schedule.lastIndex) return;
    const bounds = schedule.bounds(index);
    const window = await windows.lockWindow(contract.rentalId, bounds);
    const difficulty = event.value.assignedDifficulty ?? window.lastDifficulty;
    await windows.saveTally(contract.rentalId, index, tallyShare(window, event.value), difficulty);
  }
}
