import type { HashrateVerifierConfig } from '@hashproof/config';
import { ServicePlatformModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { verifierDatabase } from './database/verifier-database';
import { DeliveryContractsModule } from './delivery-contracts/delivery-contracts.module';

export const service = 'hashrate-verifier';

@Module({})
export class HashrateVerifierModule {
  static forRoot(config: HashrateVerifierConfig): DynamicModule {
    return {
      module: HashrateVerifierModule,
      imports: [
        ServicePlatformModule.forRoot({ service, config, database: verifierDatabase(config) }),
        DeliveryContractsModule,
      ],
    };
  }
}
