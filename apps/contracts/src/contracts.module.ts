import type { ContractsConfig } from '@hashproof/config';
import { ServicePlatformModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { contractsDatabase } from './database/contracts-database';
import { ListingsModule } from './listings/listings.module';
import { PaymentsModule } from './payments/payments.module';
import { PayoutAccountsModule } from './payout-accounts/payout-accounts.module';
import { ProviderCapacityModule } from './provider-capacity/provider-capacity.module';
import { ProviderRentalsModule } from './provider-rentals/provider-rentals.module';
import { RentalsModule } from './rentals/rentals.module';

export const service = 'contracts';

@Module({})
export class ContractsModule {
  static forRoot(config: ContractsConfig): DynamicModule {
    return {
      module: ContractsModule,
      imports: [
        ServicePlatformModule.forRoot({ service, config, database: contractsDatabase(config) }),
        RentalsModule,
        PaymentsModule.forRoot(config),
        ProviderCapacityModule,
        ListingsModule,
        PayoutAccountsModule.forRoot(config),
        ProviderRentalsModule,
      ],
    };
  }
}
