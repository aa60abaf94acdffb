import { ConsumerGroupProgress } from '@hashproof/messaging';
import { PollingService } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
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
export class WindowCloser extends PollingService {
  private readonly watermark = new EvidenceWatermark();
  private lagging = false;

  constructor(
    private readonly closeDueWindows: CloseDueWindowsUseCase,
    private readonly groupProgress: ConsumerGroupProgress,
    private readonly evidence: EvidenceConsumer,
    @Inject(DELIVERY_WINDOW_SETTINGS) private readonly settings: DeliveryWindowSettings,
  ) {
    super({ name: WindowCloser.name, intervalMs: settings.closeCheckIntervalMs, doing: 'closing windows' });
  }

  protected async poll(): Promise<void> {
    const observedAt = new Date();
    const progress = await this.groupProgress.of(this.evidence.groupId, this.evidence.topics);
    const watermark = this.watermark.advance(observedAt, progress);
    this.reportLag(observedAt, watermark);
    if (!watermark) return;
    const closed = await this.closeDueWindows.execute(watermark);
    if (closed > 0) this.logger.log({ msg: 'delivery windows closed', closed, evidenceUpTo: watermark });
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
