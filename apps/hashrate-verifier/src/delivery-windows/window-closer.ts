import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConsumerGroupProgress } from '@hashproof/messaging';
import { CloseDueWindowsUseCase } from './close-due-windows.usecase';
import { EvidenceConsumer } from './evidence-consumer';
import { EvidenceWatermark } from './evidence-watermark';
import { DELIVERY_WINDOW_SETTINGS, type DeliveryWindowSettings } from './delivery-window-settings';

/**
 * Looks for due windows on a fixed beat; replicas may all run it, since contracts are locked with SKIP LOCKED.
 * Due means due by the evidence watermark, not the wall clock: while the evidence consumer lags (after a
 * restart, an outage, a burst), windows wait for their shares instead of being judged without them.
 */
@Injectable()
export class WindowCloser implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WindowCloser.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly watermark = new EvidenceWatermark();
  private lagging = false;

  constructor(
    private readonly closeDueWindows: CloseDueWindowsUseCase,
    private readonly groupProgress: ConsumerGroupProgress,
    private readonly evidence: EvidenceConsumer,
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
      const observedAt = new Date();
      const progress = await this.groupProgress.of(this.evidence.groupId, this.evidence.topics);
      const watermark = this.watermark.advance(observedAt, progress);
      this.reportLag(observedAt, watermark);
      if (!watermark) return;
      const closed = await this.closeDueWindows.execute(watermark);
      if (closed > 0) this.logger.log({ msg: 'delivery windows closed', closed, evidenceUpTo: watermark });
    } catch (error) {
      this.logger.warn({
        msg: 'closing windows failed; will retry',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** Once when windows start waiting for lagging evidence, and once when it has caught up. */
  private reportLag(observedAt: Date, watermark: Date | null): void {
    const lagMs = observedAt.getTime() - (watermark?.getTime() ?? 0);
    const lagging = lagMs > this.settings.graceMs + 2 * this.settings.closeCheckIntervalMs;
    if (lagging === this.lagging) return;
    this.lagging = lagging;
    if (lagging) this.logger.warn({ msg: 'evidence is behind: windows wait for it', evidenceUpTo: watermark });
    else this.logger.log({ msg: 'evidence caught up: windows close again', evidenceUpTo: watermark });
  }
}
