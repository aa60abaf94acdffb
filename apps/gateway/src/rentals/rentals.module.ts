import type { GatewayConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { PROVIDER_RENTAL_SETTINGS, type ProviderRentalSettings } from '../listings/provider-rental-settings';
import { RunPoolCheckUseCase } from '../pool-checks/run-pool-check.usecase';
import { RentHashrateUseCase } from './rent-hashrate.usecase';
import { RentalsClient } from './rentals.client';
import { RentalsController } from './rentals.controller';

/** Renters' rentals, served by contracts after the verifier has checked the renter's pool. */
@Module({})
export class RentalsModule {
  static forRoot(config: Pick<GatewayConfig, 'STRATUM_PUBLIC_URL'>): DynamicModule {
    const settings: ProviderRentalSettings = { stratumUrl: config.STRATUM_PUBLIC_URL };
    return {
      module: RentalsModule,
      controllers: [RentalsController],
      providers: [
        { provide: PROVIDER_RENTAL_SETTINGS, useValue: settings },
        RunPoolCheckUseCase,
        RentalsClient,
        RentHashrateUseCase,
      ],
    };
  }
}
