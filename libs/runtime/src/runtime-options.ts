import type { Type } from '@nestjs/common';
import type { ReadinessCheck } from './health/readiness-check';

export interface RuntimeOptions {
  readonly service: string;
  readonly logLevel: string;
  /** The dependencies /health reports on; each a provider class (imported modules may supply them). */
  readonly readiness: readonly Type<ReadinessCheck>[];
  /** When set, a Redis client is provided (REDIS_CLIENT) and checked for readiness. */
  readonly redisUrl?: string;
}
