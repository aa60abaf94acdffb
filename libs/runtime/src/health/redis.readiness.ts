import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import type { ReadinessCheck } from './readiness-check';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Injectable()
export class RedisReadiness implements ReadinessCheck {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.health.check('redis');
    try {
      const reply = await this.redis.ping();
      return indicator.up({ reply });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
