import type { ContractsConfig } from '@hashproof/config';
import { ServicePlatformModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { contractsDatabase } from './database/contracts-database';
import { ProviderCapacityModule } from './provider-capacity/provider-capacity.module';
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
        ProviderCapacityModule,
      ],
    };
  }
}
