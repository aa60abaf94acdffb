import type { GatewayConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { CapacityCheckCompletedHandler } from './capacity-check-completed.handler';
import { CapacityCheckRequestPipe } from './capacity-check-request.pipe';
import {
  CAPACITY_CHECK_SETTINGS,
  capacityCheckMaxSeconds,
  type CapacityCheckSettings,
} from './capacity-check-settings';
import { CapacityChecksController } from './capacity-checks.controller';
import { CompleteCapacityCheckUseCase } from './complete-capacity-check.usecase';
import { FindCapacityCheckUseCase } from './find-capacity-check.usecase';
import { ListCapacityChecksUseCase } from './list-capacity-checks.usecase';
import { RequestCapacityCheckUseCase } from './request-capacity-check.usecase';

@Module({})
export class CapacityChecksModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const settings: CapacityCheckSettings = {
      minSeconds: config.CAPACITY_CHECK_MIN_SECONDS,
      maxSeconds: capacityCheckMaxSeconds,
      stratumUrl: config.STRATUM_PUBLIC_URL,
    };
    return {
      module: CapacityChecksModule,
      controllers: [CapacityChecksController, CapacityCheckCompletedHandler],
      providers: [
        { provide: CAPACITY_CHECK_SETTINGS, useValue: settings },
        CapacityCheckRequestPipe,
        RequestCapacityCheckUseCase,
        ListCapacityChecksUseCase,
        FindCapacityCheckUseCase,
        CompleteCapacityCheckUseCase,
      ],
    };
  }
}
