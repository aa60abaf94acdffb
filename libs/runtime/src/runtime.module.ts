import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { HealthController } from './health/health.controller';
import { PostgresReadiness } from './health/postgres.readiness';
import { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
import { REDIS_CLIENT, RedisReadiness } from './health/redis.readiness';
import { LoggingModule } from './logging/logging.module';
import { collectServiceMetrics } from './metrics/collect-default-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { RedisLifecycle } from './redis-lifecycle';
import type { RuntimeOptions } from './runtime-options';

/** What every service has: JSON logs, /health, /metrics, and the clients those checks need. */
@Module({})
export class RuntimeModule {
  static forRoot(options: RuntimeOptions): DynamicModule {
    collectServiceMetrics(options.service);
    const redisProviders: Provider[] = options.redisUrl
      ? [
          {
            provide: REDIS_CLIENT,
            useFactory: () =>
              new Redis(options.redisUrl as string, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
          },
          RedisReadiness,
          RedisLifecycle,
        ]
      : [];
    const readiness = [...options.readiness, ...(options.redisUrl ? [RedisReadiness] : [])];
    return {
      module: RuntimeModule,
      global: true,
      imports: [LoggingModule.forRoot(options.service, options.logLevel), TerminusModule],
      controllers: [HealthController, MetricsController],
      providers: [
        PostgresReadiness,
        ...redisProviders,
        {
          provide: READINESS_CHECKS,
          inject: readiness,
          useFactory: (...checks: ReadinessCheck[]) => checks,
        },
      ],
      exports: [PostgresReadiness, ...(options.redisUrl ? [REDIS_CLIENT] : [])],
    };
  }
}
