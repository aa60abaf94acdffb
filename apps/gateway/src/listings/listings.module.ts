import type { GatewayConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { ListingsClient, SEARCH_ANSWER_TTL_MS } from './listings.client';
import { ListingsController } from './listings.controller';
import { LiveListingPages } from './live-listing-pages';
import { ProviderListingsController } from './provider-listings.controller';
import { PROVIDER_RENTAL_SETTINGS, type ProviderRentalSettings } from './provider-rental-settings';
import { ProviderRentalsController } from './provider-rentals.controller';

/** A page is ~0.5 KB: a few MB at most. */
const LIVE_PAGES_KEPT = 10_000;

/**
 * Listings and the rentals sold from them, served by contracts. Global for the live listings' pages, which every
 * change relayed through this gateway (purchases and rental moves included) must be able to forget.
 */
@Module({})
export class ListingsModule {
  static forRoot(config: Pick<GatewayConfig, 'STRATUM_PUBLIC_URL'>): DynamicModule {
    const settings: ProviderRentalSettings = { stratumUrl: config.STRATUM_PUBLIC_URL };
    return {
      module: ListingsModule,
      global: true,
      controllers: [ListingsController, ProviderListingsController, ProviderRentalsController],
      providers: [
        { provide: PROVIDER_RENTAL_SETTINGS, useValue: settings },
        // Reused as long as a search's answer, for the same reasons (listings.client.ts).
        { provide: LiveListingPages, useFactory: () => new LiveListingPages(SEARCH_ANSWER_TTL_MS, LIVE_PAGES_KEPT) },
        ListingsClient,
      ],
      exports: [LiveListingPages],
    };
  }
}
