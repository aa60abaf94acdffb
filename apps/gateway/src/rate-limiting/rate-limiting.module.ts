import type { GatewayConfig } from '@hashproof/config';
import { REDIS_CLIENT } from '@hashproof/runtime';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { seconds, ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { isStrictlyLimited } from './strict-rate-limit.decorator';

/** Counters live in Redis, so the limits hold across every gateway replica. */
@Module({})
export class RateLimitingModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const ttl = seconds(config.RATE_LIMIT_WINDOW_SECONDS);
    return {
      module: RateLimitingModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [REDIS_CLIENT],
          useFactory: (redis: Redis) => ({
            storage: new ThrottlerStorageRedisService(redis),
            errorMessage: 'too many requests; retry after the number of seconds in the Retry-After header',
            throttlers: [
              { name: 'default', ttl, limit: config.RATE_LIMIT_REQUESTS },
              {
                name: 'strict',
                ttl,
                limit: config.AUTH_RATE_LIMIT_REQUESTS,
                skipIf: (context) => !isStrictlyLimited(context),
              },
            ],
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ClientThrottlerGuard }],
    };
  }
}
