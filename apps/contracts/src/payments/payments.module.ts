import type { ContractsConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { RentalsModule } from '../rentals/rentals.module';
import { ApplyPaymentCanceledUseCase } from './apply-payment-canceled.usecase';
import { ApplyPaymentFailedUseCase } from './apply-payment-failed.usecase';
import { ApplyPaymentSucceededUseCase } from './apply-payment-succeeded.usecase';
import { ExpirePaymentHoldsUseCase } from './expire-payment-holds.usecase';
import { PaymentCanceledHandler } from './payment-canceled.handler';
import { PaymentFailedHandler } from './payment-failed.handler';
import { PaymentHoldExpirer } from './payment-hold-expirer';
import { PAYMENT_SETTINGS, paymentSettingsOf } from './payment-settings';
import { PaymentSucceededHandler } from './payment-succeeded.handler';
import { RentalPaymentIntents } from './rental-payment-intents';
import { RequestPaymentUseCase } from './request-payment.usecase';
import { createStripeClient, STRIPE_CLIENT } from './stripe-client';

/**
 * Paying for rentals through Stripe: PaymentIntents requested here, their outcomes arriving as payments.*
 * events (the gateway verifies Stripe's webhooks), and unpaid rentals released when their hold expires.
 */
@Module({})
export class PaymentsModule {
  static forRoot(config: ContractsConfig): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [RentalsModule],
      controllers: [PaymentSucceededHandler, PaymentFailedHandler, PaymentCanceledHandler],
      providers: [
        { provide: STRIPE_CLIENT, useFactory: () => createStripeClient(config) },
        { provide: PAYMENT_SETTINGS, useValue: paymentSettingsOf(config) },
        RentalPaymentIntents,
        RequestPaymentUseCase,
        ExpirePaymentHoldsUseCase,
        PaymentHoldExpirer,
        ApplyPaymentSucceededUseCase,
        ApplyPaymentFailedUseCase,
        ApplyPaymentCanceledUseCase,
      ],
      exports: [RequestPaymentUseCase, RentalPaymentIntents],
    };
  }
}
