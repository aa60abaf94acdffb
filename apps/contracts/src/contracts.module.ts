import type { ContractsConfig } from '@hashproof/config';
import { ServicePlatformModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { contractsDatabase } from './database/contracts-database';
import { ListingsModule } from './listings/listings.module';
import { PaymentsModule } from './payments/payments.module';
import { PayoutAccountsModule } from './payout-accounts/payout-accounts.module';
import { ProviderCapacityModule } from './provider-capacity/provider-capacity.module';
import { ProviderRentalsModule } from './provider-rentals/provider-rentals.module';
import { PurchasesModule } from './purchases/purchases.module';
import { RentalsModule } from './rentals/rentals.module';

export const service = 'contracts';

@Module({})
export class ContractsModule {
  static forRoot(config: ContractsConfig): DynamicModule {
    const payments = PaymentsModule.forRoot(config);
    return {
      module: ContractsModule,
      imports: [
        ServicePlatformModule.forRoot({ service, config, database: contractsDatabase(config) }),
        RentalsModule,
        payments,
        ProviderCapacityModule,
        ListingsModule,
        PayoutAccountsModule.forRoot(config),
        ProviderRentalsModule,
        PurchasesModule.forRoot(payments),
      ],
    };
  }
}
