import { Module } from '@nestjs/common';
import { PayoutAccountRepository } from '../payout-accounts/payout-account.repository';
import { BrowseListingsUseCase } from './browse-listings.usecase';
import { ChangeListingStatusUseCase } from './change-listing-status.usecase';
import { CreateListingUseCase } from './create-listing.usecase';
import { FindListingUseCase } from './find-listing.usecase';
import { ListProviderListingsUseCase } from './list-provider-listings.usecase';
import { ListingRepository } from './listing.repository';
import { ListingsController } from './listings.controller';
import { ProviderListingsController } from './provider-listings.controller';
import { UpdateListingUseCase } from './update-listing.usecase';

/** Providers' listings: their terms, their lifecycle, and browsing the live ones. */
@Module({
  controllers: [ListingsController, ProviderListingsController],
  providers: [
    ListingRepository,
    PayoutAccountRepository,
    CreateListingUseCase,
    UpdateListingUseCase,
    ChangeListingStatusUseCase,
    FindListingUseCase,
    ListProviderListingsUseCase,
    BrowseListingsUseCase,
  ],
  exports: [ListingRepository],
})
export class ListingsModule {}
