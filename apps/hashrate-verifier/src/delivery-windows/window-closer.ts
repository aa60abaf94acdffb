import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CloseDueWindowsUseCase } from './close-due-windows.usecase';
import { DELIVERY_WINDOW_SETTINGS, type DeliveryWindowSettings } from './delivery-window-settings';

/** Looks for due windows on a fixed beat; replicas may all run it, since contracts are locked with SKIP LOCKED. */
@Injectable()
export class WindowCloser implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WindowCloser.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly closeDueWindows: CloseDueWindowsUseCase,
    @Inject(DELIVERY_WINDOW_SETTINGS) private readonly settings: DeliveryWindowSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.inFlight = this.inFlight.then(() => this.tick());
    }, this.settings.closeCheckIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    try {
      const closed = await this.closeDueWindows.execute(new Date());
      if (closed > 0) this.logger.log({ msg: 'delivery windows closed', closed });
    } catch (error) {
      this.logger.warn({
        msg: 'closing windows failed; will retry',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
