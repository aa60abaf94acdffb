import { type DynamicModule, Module } from '@nestjs/common';
import { InternalApiGuard } from './internal-api.guard';
import { INTERNAL_API_SETTINGS, type InternalApiSettings } from './internal-api.settings';

/** Global, so a @UseGuards(InternalApiGuard) in any feature module finds the service's token. */
@Module({})
export class InternalApiModule {
  static forRoot(settings: InternalApiSettings): DynamicModule {
    return {
      module: InternalApiModule,
      global: true,
      providers: [{ provide: INTERNAL_API_SETTINGS, useValue: settings }, InternalApiGuard],
      exports: [INTERNAL_API_SETTINGS, InternalApiGuard],
    };
  }
}
