import type { capacityCheckCompletedV1, EventValue } from '@hashproof/events';
import { PermanentFailureError } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CapacityCheck } from './capacity-check.entity';

/**
 * Records the verifier's judgement on a check. A check completes once: a second completion changes
 * nothing. One this gateway never requested, or for another provider, can never apply: dead-lettered.
 */
@Injectable()
export class CompleteCapacityCheckUseCase {
  async execute(result: EventValue<typeof capacityCheckCompletedV1>, transaction: EntityManager): Promise<void> {
    const check = await transaction.findOne(CapacityCheck, {
      where: { id: result.checkId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!check) throw new PermanentFailureError(`capacity check ${result.checkId} was never requested here`);
    if (check.providerId !== result.providerId) {
      throw new PermanentFailureError(`capacity check ${result.checkId} belongs to another provider`);
    }
    if (check.status !== 'running') return;
    await transaction.update(
      CapacityCheck,
      { id: check.id },
      {
        status: result.passed ? 'passed' : 'failed',
        verifiedHashrate: result.verifiedHashrate,
        judgement: result.judgement,
        completedAt: new Date(result.completedAt),
      },
    );
  }
}
