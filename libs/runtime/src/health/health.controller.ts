import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** Readiness: 200 when every dependency answers, 503 naming the ones that do not. */
  @Get()
  @HealthCheck()
  ready() {
    return this.health.check(this.checks.map((dependency) => () => dependency.check()));
  }

  /** Liveness: the process serves requests; deliberately blind to dependencies so an outage does not restart pods. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}
