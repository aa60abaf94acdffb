import type { PayoutsConfig } from '@hashproof/config';
import { ServicePlatformModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { payoutsDatabase } from './database/payouts-database';
import { SettlementsModule } from './settlements/settlements.module';

export const service = 'payouts';

@Module({})
export class PayoutsModule {
  static forRoot(config: PayoutsConfig): DynamicModule {
    return {
      module: PayoutsModule,
      imports: [
        ServicePlatformModule.forRoot({ service, config, database: payoutsDatabase(config) }),
        SettlementsModule,
      ],
    };
  }
}
