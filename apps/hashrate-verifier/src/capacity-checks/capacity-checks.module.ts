import { type DynamicModule, Module } from '@nestjs/common';
import { AdmitCapacityCheckUseCase } from './admit-capacity-check.usecase';
import { CapacityCheckCompleter } from './capacity-check-completer';
import { CapacityCheckRequestedHandler } from './capacity-check-requested.handler';
import { CAPACITY_CHECK_SETTINGS, type CapacityCheckSettings } from './capacity-check-settings';
import { CompleteCapacityChecksUseCase } from './complete-capacity-checks.usecase';

/** Providers prove capacity through the stratum endpoint: a check is measured like a rental and judged once. */
@Module({})
export class CapacityChecksModule {
  static forRoot(settings: CapacityCheckSettings): DynamicModule {
    return {
      module: CapacityChecksModule,
      controllers: [CapacityCheckRequestedHandler],
      providers: [
        { provide: CAPACITY_CHECK_SETTINGS, useValue: settings },
        AdmitCapacityCheckUseCase,
        CompleteCapacityChecksUseCase,
        CapacityCheckCompleter,
      ],
    };
  }
}
