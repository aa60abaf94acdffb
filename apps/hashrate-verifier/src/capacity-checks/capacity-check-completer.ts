import { PollingService } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CAPACITY_CHECK_SETTINGS, type CapacityCheckSettings } from './capacity-check-settings';
import { CompleteCapacityChecksUseCase } from './complete-capacity-checks.usecase';

/** Looks for finished checks on the window closer's beat; replicas may all run it (checks are locked SKIP LOCKED). */
@Injectable()
export class CapacityCheckCompleter extends PollingService {
  constructor(
    private readonly completeChecks: CompleteCapacityChecksUseCase,
    @Inject(CAPACITY_CHECK_SETTINGS) settings: CapacityCheckSettings,
  ) {
    super({
      name: CapacityCheckCompleter.name,
      intervalMs: settings.completionCheckIntervalMs,
      doing: 'completing capacity checks',
    });
  }

  protected async poll(): Promise<void> {
    const completed = await this.completeChecks.execute(new Date());
    if (completed > 0) this.logger.log({ msg: 'capacity checks completed', completed });
  }
}
