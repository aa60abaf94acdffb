import type { GatewayConfig } from '@hashproof/config';
import { ServicePlatformModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { CapacityChecksModule } from './capacity-checks/capacity-checks.module';
import { gatewayDatabase } from './database/gateway-database';
import { InternalServicesModule } from './internal-services/internal-services.module';
import { ListingsModule } from './listings/listings.module';
import { PayoutAccountsModule } from './payout-accounts/payout-accounts.module';
import { PoolChecksModule } from './pool-checks/pool-checks.module';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { RateLimitingModule } from './rate-limiting/rate-limiting.module';
import { RentalAdminModule } from './rental-admin/rental-admin.module';
import { RentalDeliveryModule } from './rental-delivery/rental-delivery.module';
import { RentalsModule } from './rentals/rentals.module';
import { StripeWebhooksModule } from './stripe-webhooks/stripe-webhooks.module';

export const service = 'gateway';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServicePlatformModule.forRoot({ service, config, database: gatewayDatabase(config) }),
        RateLimitingModule.forRoot(config),
        AccountsModule,
        ApiKeysModule,
        AuthModule.forRoot(config),
        CapacityChecksModule.forRoot(config),
        RentalDeliveryModule,
        StripeWebhooksModule.forRoot(config),
        InternalServicesModule.forRoot(config),
        PoolChecksModule,
        ListingsModule.forRoot(config),
        PayoutAccountsModule,
        RentalAdminModule,
        RentalsModule.forRoot(config),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
