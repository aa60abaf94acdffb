import { type DatabaseOptions, dataSourceOptions } from '@hashproof/database';
import { KafkaHealthIndicator, type KafkaSettings, MessagingModule } from '@hashproof/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PostgresReadiness } from '../health/postgres.readiness';
import { InternalApiModule } from '../internal-api/internal-api.module';
import { RuntimeModule } from '../runtime.module';

export interface PlatformSettings extends KafkaSettings {
  readonly LOG_LEVEL: string;
  readonly OUTBOX_POLL_INTERVAL_MS: number;
  readonly REDIS_URL?: string;
  /** Shared by the services; their internal routes admit only callers presenting it. */
  readonly INTERNAL_API_TOKEN?: string;
}

export interface ServicePlatformOptions {
  readonly service: string;
  readonly config: PlatformSettings;
  readonly database: DatabaseOptions;
}

/**
 * What every service stands on: logs, health, metrics, its own database schema, Kafka with an outbox, and
 * the guard of its internal routes.
 */
@Module({})
export class ServicePlatformModule {
  static forRoot({ service, config, database }: ServicePlatformOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      imports: [
        RuntimeModule.forRoot({
          service,
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaHealthIndicator, PostgresReadiness],
          ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}),
        }),
        TypeOrmModule.forRoot(dataSourceOptions(database)),
        MessagingModule.forRoot({ service, kafka: config, outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
        InternalApiModule.forRoot({ token: config.INTERNAL_API_TOKEN }),
      ],
    };
  }
}
