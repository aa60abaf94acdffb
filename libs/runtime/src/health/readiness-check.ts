import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A dependency the service needs to do its work; /health is ready only when every check is up. */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
