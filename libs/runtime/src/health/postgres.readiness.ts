import { Injectable } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { ReadinessCheck } from './readiness-check';

@Injectable()
export class PostgresReadiness implements ReadinessCheck {
  constructor(private readonly typeOrm: TypeOrmHealthIndicator) {}

  check() {
    return this.typeOrm.pingCheck('postgres', { timeout: 3_000 });
  }
}
