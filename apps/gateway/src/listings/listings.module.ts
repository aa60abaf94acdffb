import type { GatewayConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { ListingsClient } from './listings.client';
import { ListingsController } from './listings.controller';
import { ProviderListingsController } from './provider-listings.controller';
import { PROVIDER_RENTAL_SETTINGS, type ProviderRentalSettings } from './provider-rental-settings';
import { ProviderRentalsController } from './provider-rentals.controller';

/** Listings and the rentals sold from them, served by contracts. */
@Module({})
export class ListingsModule {
  static forRoot(config: Pick<GatewayConfig, 'STRATUM_PUBLIC_URL'>): DynamicModule {
    const settings: ProviderRentalSettings = { stratumUrl: config.STRATUM_PUBLIC_URL };
    return {
      module: ListingsModule,
      controllers: [ListingsController, ProviderListingsController, ProviderRentalsController],
      providers: [{ provide: PROVIDER_RENTAL_SETTINGS, useValue: settings }, ListingsClient],
    };
  }
}
