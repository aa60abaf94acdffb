import type { HashrateVerifierConfig } from '@hashproof/config';
import { ServicePlatformModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { CapacityChecksModule } from './capacity-checks/capacity-checks.module';
import { verifierDatabase } from './database/verifier-database';
import { DeliveryContractsModule } from './delivery-contracts/delivery-contracts.module';
import { PoolChecksModule } from './pool-checks/pool-checks.module';
import { StratumProxyModule } from './stratum-proxy/stratum-proxy.module';
import { DeliveryWindowsModule } from './delivery-windows/delivery-windows.module';

export const service = 'hashrate-verifier';

@Module({})
export class HashrateVerifierModule {
  static forRoot(config: HashrateVerifierConfig): DynamicModule {
    return {
      module: HashrateVerifierModule,
      imports: [
        ServicePlatformModule.forRoot({ service, config, database: verifierDatabase(config) }),
        DeliveryContractsModule,
        StratumProxyModule.forRoot(config),
        DeliveryWindowsModule.forRoot({
          windowMs: config.DELIVERY_WINDOW_SECONDS * 1000,
          graceMs: config.DELIVERY_WINDOW_GRACE_SECONDS * 1000,
          closeCheckIntervalMs: Math.min(5_000, (config.DELIVERY_WINDOW_SECONDS * 1000) / 4),
          alpha: config.DELIVERY_ALPHA,
          tolerance: config.DELIVERY_TOLERANCE,
          targetSharesPerMinute: config.STRATUM_TARGET_SHARES_PER_MINUTE,
          flags: {
            reviewAlpha: config.DELIVERY_ALPHA,
            enforcementAlpha: config.DELIVERY_ENFORCEMENT_ALPHA,
            maxInvalidRatio: config.DELIVERY_MAX_INVALID_RATIO,
          },
        }),
        CapacityChecksModule.forRoot({
          alpha: config.DELIVERY_ENFORCEMENT_ALPHA,
          tolerance: config.DELIVERY_TOLERANCE,
          targetSharesPerMinute: config.STRATUM_TARGET_SHARES_PER_MINUTE,
          completionCheckIntervalMs: Math.min(5_000, (config.DELIVERY_WINDOW_SECONDS * 1000) / 4),
        }),
        PoolChecksModule.forRoot({
          timeoutMs: config.POOL_CHECK_TIMEOUT_MS,
          allowPrivateAddresses: config.POOL_CHECK_ALLOW_PRIVATE_ADDRESSES,
        }),
      ],
    };
  }
}
