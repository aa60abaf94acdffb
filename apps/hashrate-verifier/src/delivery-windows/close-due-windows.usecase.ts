import { deliveryMeasurementCompletedV1, deliveryWindowClosedV1 } from '@hashproof/events';
import { Outbox, originatingFrom } from '@hashproof/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ContractFlagsRecorder } from '../contract-flags/contract-flags.recorder';
import { publishesDeliveryEvents } from '../delivery-contracts/contract-purpose';
import { coveredMsWithin } from './covered-time';
import { DELIVERY_WINDOW_SETTINGS, type DeliveryWindowSettings } from './delivery-window-settings';
import { difficultyAimedAt } from './difficulty-aimed-at';
import { type ContractRow, DeliveryWindowRepository } from './delivery-window.repository';
import { type DeliveryJudgement, judgeDelivery } from './judge-delivery';
import { measurementCompleted } from './measurement-completed';
import { type WindowBounds, WindowSchedule } from './window-schedule';
import type { WindowState } from './window-tally';

/** Per contract and beat, so one contract's backlog (after an outage) cannot starve the others. */
const maxWindowsPerContractPerRun = 20;

/**
 * Closes every window whose end (plus grace) has passed, silent ones included: a rig that sent nothing
 * delivered nothing. Each close records the judgement of the window and of the contract to date, and
 * publishes delivery.window-closed through the outbox in the same transaction (for rentals only: a capacity
 * check's windows are its evidence, and its outcome is published once it is complete). With a rental's last window
 * goes delivery.measurement-completed, its totals over the whole period.
 */
@Injectable()
export class CloseDueWindowsUseCase {
  private readonly logger = new Logger('DeliveryWindows');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly flags: ContractFlagsRecorder,
    @Inject(DELIVERY_WINDOW_SETTINGS) private readonly settings: DeliveryWindowSettings,
  ) {}

  async execute(now: Date): Promise<number> {
    const candidates = await new DeliveryWindowRepository(this.dataSource.manager).unfinishedContractIds(now);
    let closed = 0;
    for (const rentalId of candidates) {
      closed += await this.dataSource.transaction((transaction) => this.closeDue(transaction, rentalId, now));
    }
    return closed;
  }

  private async closeDue(transaction: EntityManager, rentalId: string, now: Date): Promise<number> {
    const windows = new DeliveryWindowRepository(transaction);
    const contract = await windows.lockContract(rentalId, true);
    // Checked under the lock: a replica that listed the contract before another finished it must not finish it again.
    if (!contract || contract.windowsFinished) return 0;
    const schedule = new WindowSchedule(contract.startsAt, contract.endsAt, this.settings.windowMs);
    if (contract.nextWindowIndex > schedule.lastIndex) {
      // Cut short at its start, or below windows already judged: nothing is left to measure.
      await this.finish(windows, contract);
      return 0;
    }
    let closed = 0;
    const lastThisRun = Math.min(schedule.lastIndex, contract.nextWindowIndex + maxWindowsPerContractPerRun - 1);
    for (let index = contract.nextWindowIndex; index <= lastThisRun; index += 1) {
      const bounds = schedule.bounds(index);
      if (bounds.endsAt.getTime() + this.settings.graceMs > now.getTime()) break;
      await this.close(windows, contract, bounds);
      closed += 1;
      if (index === schedule.lastIndex) await this.finish(windows, contract);
    }
    return closed;
  }

  /**
   * In the transaction that closes the last window, under the contract's lock: a rental's measurement is
   * published exactly once, whichever replica gets there, and never again after a restart.
   */
  private async finish(windows: DeliveryWindowRepository, contract: ContractRow): Promise<void> {
    await windows.markFinished(contract.rentalId);
    if (!publishesDeliveryEvents(contract.purpose)) return;
    const measurement = measurementCompleted(contract, await windows.closedWindows(contract.rentalId));
    await this.outbox.record(
      windows.manager,
      deliveryMeasurementCompletedV1,
      { rentalId: contract.rentalId },
      measurement,
      originatingFrom(`${contract.rentalId}:measurement`),
    );
    this.logger.log({
      msg: 'delivery measurement completed',
      rentalId: contract.rentalId,
      windows: measurement.windows,
      endsAt: measurement.endsAt,
      verdict: measurement.verdict,
    });
  }

  private async close(windows: DeliveryWindowRepository, contract: ContractRow, bounds: WindowBounds) {
    const tally = await windows.lockWindow(contract.rentalId, bounds);
    const windowMs = bounds.endsAt.getTime() - bounds.startsAt.getTime();
    const poolDownMs = coveredMsWithin(
      await windows.intervals(contract.rentalId, 'pool-down', bounds.endsAt),
      bounds.startsAt,
      bounds.endsAt,
    );
    const rigMs = coveredMsWithin(
      await windows.intervals(contract.rentalId, 'rig', bounds.endsAt),
      bounds.startsAt,
      bounds.endsAt,
    );
    const measuredSeconds = (windowMs - poolDownMs) / 1000;
    const window = this.judge(contract, tally, tally.delivered, measuredSeconds);
    const before = await windows.closedTotals(contract.rentalId);
    const contractToDate = this.judge(
      contract,
      tally,
      {
        shares: before.shares + tally.delivered.shares,
        work: before.work + tally.delivered.work,
        workSquared: before.workSquared + tally.delivered.workSquared,
      },
      before.measuredSeconds + measuredSeconds,
    );
    const judgement = {
      measuredSeconds,
      window,
      contractToDate,
      poolDownSeconds: poolDownMs / 1000,
      rigConnectedSeconds: rigMs / 1000,
    };
    await windows.closeWindow(contract.rentalId, bounds, judgement);
    this.logger.log({
      msg: 'delivery window judged',
      rentalId: contract.rentalId,
      windowIndex: bounds.index,
      contractedHashrate: Number(contract.contractedHashrate),
      estimatedHashrate: Math.round(window.estimatedHashrate),
      verdict: window.verdict,
      contractToDate: contractToDate.verdict,
    });
    if (publishesDeliveryEvents(contract.purpose)) await this.publish(windows, contract, bounds, tally, judgement);
    await this.flags.record(windows.manager, {
      rentalId: contract.rentalId,
      purpose: contract.purpose,
      windowIndex: bounds.index,
      facts: {
        contractToDatePValue: contractToDate.pValue,
        acceptedShares: tally.delivered.shares,
        rejectedByReason: tally.rejectedByReason,
        measuredSeconds,
        rigConnectedSeconds: judgement.rigConnectedSeconds,
      },
      evidence: { ...judgement, rejectedByReason: tally.rejectedByReason, poolDisagreements: tally.poolDisagreements },
      cause: originatingFrom(`${contract.rentalId}:window:${bounds.index}`),
    });
  }

  private judge(
    contract: ContractRow,
    tally: WindowState,
    delivered: WindowState['delivered'],
    measuredSeconds: number,
  ): DeliveryJudgement {
    const contractedHashrate = Number(contract.contractedHashrate);
    return judgeDelivery({
      delivered,
      measuredSeconds,
      contractedHashrate,
      difficultyInForce:
        tally.lastDifficulty ?? difficultyAimedAt(contractedHashrate, this.settings.targetSharesPerMinute),
      alpha: this.settings.alpha,
      tolerance: this.settings.tolerance,
    });
  }

  private async publish(
    windows: DeliveryWindowRepository,
    contract: ContractRow,
    bounds: WindowBounds,
    tally: WindowState,
    judgement: {
      window: DeliveryJudgement;
      contractToDate: DeliveryJudgement;
      poolDownSeconds: number;
      rigConnectedSeconds: number;
    },
  ): Promise<void> {
    await this.outbox.record(
      windows.manager,
      deliveryWindowClosedV1,
      { rentalId: contract.rentalId },
      {
        rentalId: contract.rentalId,
        windowIndex: bounds.index,
        startsAt: bounds.startsAt.toISOString(),
        endsAt: bounds.endsAt.toISOString(),
        contractedHashrate: contract.contractedHashrate,
        window: judgement.window,
        rejectedByReason: tally.rejectedByReason,
        poolDisagreements: tally.poolDisagreements,
        blockCandidates: tally.blockCandidates,
        poolDownSeconds: judgement.poolDownSeconds,
        rigConnectedSeconds: judgement.rigConnectedSeconds,
        contractToDate: judgement.contractToDate,
      },
      originatingFrom(`${contract.rentalId}:window:${bounds.index}`),
    );
  }
}
