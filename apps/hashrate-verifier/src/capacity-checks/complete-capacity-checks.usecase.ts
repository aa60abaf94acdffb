import { capacityCheckCompletedV1 } from '@hashproof/events';
import { Outbox } from '@hashproof/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { difficultyAimedAt } from '../delivery-windows/difficulty-aimed-at';
import { CAPACITY_CHECK_SETTINGS, type CapacityCheckSettings } from './capacity-check-settings';
import { judgeCapacityCheck } from './capacity-check-outcome';
import { CapacityCheckRepository } from './capacity-check.repository';

/**
 * Judges each check whose last window has closed and publishes capacity.check-completed through the outbox in
 * the transaction that marks it completed: a crash before the commit leaves it due, after it leaves it done,
 * so the outcome is published exactly once.
 */
@Injectable()
export class CompleteCapacityChecksUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(CAPACITY_CHECK_SETTINGS) private readonly settings: CapacityCheckSettings,
  ) {}

  async execute(now: Date): Promise<number> {
    const due = await new CapacityCheckRepository(this.dataSource.manager).dueCheckIds();
    let completed = 0;
    for (const checkId of due) {
      if (await this.dataSource.transaction((transaction) => this.complete(transaction, checkId, now))) completed += 1;
    }
    return completed;
  }

  private async complete(transaction: EntityManager, checkId: string, now: Date): Promise<boolean> {
    const checks = new CapacityCheckRepository(transaction);
    const check = await checks.lockDue(checkId);
    if (!check) return false;
    const totals = await checks.totals(checkId);
    const outcome = judgeCapacityCheck(
      {
        claimedHashrate: check.claimedHashrate,
        delivered: totals.delivered,
        measuredSeconds: totals.measuredSeconds,
        rigConnectedSeconds: totals.rigConnectedSeconds,
        difficultyInForce:
          totals.lastDifficulty ??
          difficultyAimedAt(Number(check.claimedHashrate), this.settings.targetSharesPerMinute),
      },
      this.settings,
    );
    await checks.markCompleted(checkId, now, outcome, this.settings.alpha);
    await this.outbox.record(
      transaction,
      capacityCheckCompletedV1,
      { providerId: check.providerId },
      {
        checkId,
        providerId: check.providerId,
        claimedHashrate: check.claimedHashrate,
        verifiedHashrate: outcome.verifiedHashrate,
        passed: outcome.passed,
        completedAt: now.toISOString(),
        judgement: outcome.judgement,
      },
      { correlationId: check.correlationId, causationId: check.requestEventId },
    );
    return true;
  }
}
