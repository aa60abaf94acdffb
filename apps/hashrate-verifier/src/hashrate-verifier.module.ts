import type { HashrateVerifierConfig } from '@hashproof/config';
import { dataSourceOptions } from '@hashproof/database';
import { KafkaHealthIndicator, MessagingModule } from '@hashproof/messaging';
import { PostgresReadiness, RuntimeModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { verifierDatabase } from './database/verifier-database';
import { DeliveryContractsModule } from './delivery-contracts/delivery-contracts.module';

export const service = 'hashrate-verifier';

@Module({})
export class HashrateVerifierModule {
  static forRoot(config: HashrateVerifierConfig): DynamicModule {
    return {
      module: HashrateVerifierModule,
      imports: [
        RuntimeModule.forRoot({
          service,
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaHealthIndicator, PostgresReadiness],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(verifierDatabase(config))),
        MessagingModule.forRoot({ service, kafka: config, outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
        DeliveryContractsModule,
      ],
    };
  }
}
