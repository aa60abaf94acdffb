import type { PayoutsConfig } from '@hashproof/config';
import { dataSourceOptions } from '@hashproof/database';
import { KafkaHealthIndicator, MessagingModule } from '@hashproof/messaging';
import { PostgresReadiness, RuntimeModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { payoutsDatabase } from './database/payouts-database';
import { SettlementsModule } from './settlements/settlements.module';

export const service = 'payouts';

@Module({})
export class PayoutsModule {
  static forRoot(config: PayoutsConfig): DynamicModule {
    return {
      module: PayoutsModule,
      imports: [
        RuntimeModule.forRoot({
          service,
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaHealthIndicator, PostgresReadiness],
          redisUrl: config.REDIS_URL,
        }),
        TypeOrmModule.forRoot(dataSourceOptions(payoutsDatabase(config))),
        MessagingModule.forRoot({ service, kafka: config, outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
        SettlementsModule,
      ],
    };
  }
}
