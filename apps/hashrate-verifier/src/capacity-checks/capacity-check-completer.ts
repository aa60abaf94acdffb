import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CAPACITY_CHECK_SETTINGS, type CapacityCheckSettings } from './capacity-check-settings';
import { CompleteCapacityChecksUseCase } from './complete-capacity-checks.usecase';

/** Looks for finished checks on the window closer's beat; replicas may all run it (checks are locked SKIP LOCKED). */
@Injectable()
export class CapacityCheckCompleter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CapacityCheckCompleter.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly completeChecks: CompleteCapacityChecksUseCase,
    @Inject(CAPACITY_CHECK_SETTINGS) private readonly settings: CapacityCheckSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.inFlight = this.inFlight.then(() => this.tick());
    }, this.settings.completionCheckIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    try {
      const completed = await this.completeChecks.execute(new Date());
      if (completed > 0) this.logger.log({ msg: 'capacity checks completed', completed });
    } catch (error) {
      this.logger.warn({
        msg: 'completing capacity checks failed; will retry',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
