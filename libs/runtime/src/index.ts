export { runMain } from './bootstrap/run-main';
export { type ServiceStartOptions, startService } from './bootstrap/start-service';
export { HealthController } from './health/health.controller';
export { PostgresReadiness } from './health/postgres.readiness';
export { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
export { REDIS_CLIENT, RedisReadiness } from './health/redis.readiness';
export {
  type ActingPrincipal,
  decodeActingPrincipal,
  encodeActingPrincipal,
  INTERNAL_PRINCIPAL_HEADER,
} from './internal-api/acting-principal';
export { Acting } from './internal-api/acting.decorator';
export {
  InternalApiClient,
  type InternalApiClientOptions,
  type InternalRequest,
  type InternalResponse,
} from './internal-api/internal-api.client';
export { InternalApiGuard } from './internal-api/internal-api.guard';
export { InternalApiProblem, type InternalProblemDocument } from './internal-api/internal-api.problem';
export { InternalProblemFilter } from './internal-api/internal-problem.filter';
export { InternalServiceUnavailableError } from './internal-api/internal-service-unavailable.error';
export { correlationHeader } from './logging/correlation-id';
export { Poller, type PollerOptions } from './poller/poller';
export { PollingService, type PollingServiceOptions } from './poller/polling-service';
export type { RuntimeOptions } from './runtime-options';
export { RuntimeModule } from './runtime.module';
export { runService, type ServiceDefinition } from './service/run-service';
export {
  type PlatformSettings,
  ServicePlatformModule,
  type ServicePlatformOptions,
} from './service/service-platform.module';
