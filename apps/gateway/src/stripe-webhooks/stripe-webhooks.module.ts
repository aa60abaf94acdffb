import type { GatewayConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { RecordStripeEventUseCase } from './record-stripe-event.usecase';
import { STRIPE_WEBHOOK_SECRET, StripeEventVerifier } from './stripe-event-verifier';
import { StripeWebhooksController } from './stripe-webhooks.controller';

/** Stripe's webhooks in: verified, recorded once, passed on to contracts as payments events. */
@Module({})
export class StripeWebhooksModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: StripeWebhooksModule,
      controllers: [StripeWebhooksController],
      providers: [
        { provide: STRIPE_WEBHOOK_SECRET, useValue: config.STRIPE_WEBHOOK_SECRET },
        StripeEventVerifier,
        RecordStripeEventUseCase,
      ],
    };
  }
}
