export { runMain } from './bootstrap/run-main';
export { type ServiceStartOptions, startService } from './bootstrap/start-service';
export { HealthController } from './health/health.controller';
export { PostgresReadiness } from './health/postgres.readiness';
export { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
export { REDIS_CLIENT, RedisReadiness } from './health/redis.readiness';
export { correlationHeader } from './logging/correlation-id';
export type { RuntimeOptions } from './runtime-options';
export { RuntimeModule } from './runtime.module';
export { runService, type ServiceDefinition } from './service/run-service';
export {
  type PlatformSettings,
  ServicePlatformModule,
  type ServicePlatformOptions,
} from './service/service-platform.module';
