import { type DynamicModule, Module } from '@nestjs/common';
import { HOST_RESOLVER, POOL_CHECK_SETTINGS, type PoolCheckSettings } from './pool-check-settings';
import { PoolChecksController } from './pool-checks.controller';
import { resolveHost, RunPoolCheckUseCase } from './run-pool-check.usecase';

/** Renters' pools checked on request, before a contract that mines to them is activated. */
@Module({})
export class PoolChecksModule {
  static forRoot(settings: PoolCheckSettings): DynamicModule {
    return {
      module: PoolChecksModule,
      controllers: [PoolChecksController],
      providers: [
        { provide: POOL_CHECK_SETTINGS, useValue: settings },
        { provide: HOST_RESOLVER, useValue: resolveHost },
        RunPoolCheckUseCase,
      ],
    };
  }
}
