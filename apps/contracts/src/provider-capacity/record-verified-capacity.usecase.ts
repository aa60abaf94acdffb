import type { capacityCheckCompletedV1, EventValue } from '@hashproof/events';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProviderCapacityRepository } from './provider-capacity.repository';

/**
 * A completed capacity check becomes what its provider may sell, unless a later check is already on
 * record: checks may complete out of order, and the newest evidence wins, a failed check included.
 */
@Injectable()
export class RecordVerifiedCapacityUseCase {
  private readonly logger = new Logger(RecordVerifiedCapacityUseCase.name);

  constructor(private readonly capacities: ProviderCapacityRepository) {}

  async execute(check: EventValue<typeof capacityCheckCompletedV1>, transaction: EntityManager): Promise<void> {
    const recorded = await this.capacities.record(
      {
        providerId: check.providerId,
        checkId: check.checkId,
        verifiedHashrate: check.verifiedHashrate,
        claimedHashrate: check.claimedHashrate,
        passed: check.passed,
        completedAt: check.completedAt,
      },
      transaction,
    );
    if (!recorded) {
      this.logger.log({ msg: 'capacity check older than the one on record; ignored', checkId: check.checkId });
    }
  }
}
