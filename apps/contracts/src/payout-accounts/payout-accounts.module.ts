import type { ContractsConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { createStripeClient } from '../payments/stripe-client';
import { ConnectPayoutAccountUseCase } from './connect-payout-account.usecase';
import { FindPayoutAccountUseCase } from './find-payout-account.usecase';
import { PayoutAccountController } from './payout-account.controller';
import { PayoutAccountRepository } from './payout-account.repository';
import { PayoutAccountVerifier } from './payout-account-verifier';
import { StripePayoutAccountVerifier } from './stripe-payout-account.verifier';

/** Where each provider is paid: its Stripe connected account, checked with Stripe when submitted. */
@Module({})
export class PayoutAccountsModule {
  static forRoot(config: Pick<ContractsConfig, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>): DynamicModule {
    return {
      module: PayoutAccountsModule,
      controllers: [PayoutAccountController],
      providers: [
        PayoutAccountRepository,
        {
          provide: PayoutAccountVerifier,
          useFactory: () => new StripePayoutAccountVerifier(createStripeClient(config)),
        },
        ConnectPayoutAccountUseCase,
        FindPayoutAccountUseCase,
      ],
    };
  }
}
