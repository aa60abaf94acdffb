import type { GatewayConfig } from '@hashproof/config';
import { dataSourceOptions } from '@hashproof/database';
import { KafkaHealthIndicator, MessagingModule } from '@hashproof/messaging';
import { PostgresReadiness, RuntimeModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { gatewayDatabase } from './database/gateway-database';

export const service = 'gateway';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        RuntimeModule.forRoot({
          service,
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaHealthIndicator, PostgresReadiness],
          redisUrl: config.REDIS_URL,
        }),
        TypeOrmModule.forRoot(dataSourceOptions(gatewayDatabase(config))),
        MessagingModule.forRoot({ service, kafka: config, outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
      ],
    };
  }
}
