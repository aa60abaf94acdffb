import { PollingService } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { ExpirePaymentHoldsUseCase } from './expire-payment-holds.usecase';
import { PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings';

/** Looks for expired payment holds on a fixed beat. */
@Injectable()
export class PaymentHoldExpirer extends PollingService {
  constructor(
    private readonly expirePaymentHolds: ExpirePaymentHoldsUseCase,
    @Inject(PAYMENT_SETTINGS) settings: PaymentSettings,
  ) {
    super({
      name: PaymentHoldExpirer.name,
      intervalMs: settings.checkIntervalMs,
      doing: 'looking for expired payment holds',
    });
  }

  protected async poll(stopping: AbortSignal): Promise<void> {
    const tally = await this.expirePaymentHolds.execute(new Date(), stopping);
    if (tally.cancelled + tally.activated + tally.waiting + tally.failed > 0) {
      this.logger.log({ msg: 'expired payment holds ended', ...tally });
    }
  }
}
