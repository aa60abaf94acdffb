import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ExpirePaymentHoldsUseCase } from './expire-payment-holds.usecase';
import { PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings';

/** Looks for expired payment holds on a fixed beat; each beat waits for the one before it. */
@Injectable()
export class PaymentHoldExpirer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PaymentHoldExpirer.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly expirePaymentHolds: ExpirePaymentHoldsUseCase,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.inFlight = this.inFlight.then(() => this.tick());
    }, this.settings.checkIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    try {
      const tally = await this.expirePaymentHolds.execute(new Date());
      if (tally.cancelled + tally.activated + tally.waiting + tally.failed > 0) {
        this.logger.log({ msg: 'expired payment holds ended', ...tally });
      }
    } catch (error) {
      this.logger.warn({
        msg: 'looking for expired payment holds failed; will retry',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
