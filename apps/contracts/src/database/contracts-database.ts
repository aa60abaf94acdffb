import type { ContractsConfig } from '@hashproof/config';
import type { DatabaseOptions } from '@hashproof/database';
import { Listing } from '../listings/listing.entity';
import { ListingTransition } from '../listings/listing-transition.entity';
import { RentalPaymentEvent } from '../payments/rental-payment-event.entity';
import { PayoutAccount } from '../payout-accounts/payout-account.entity';
import { ProviderCapacity } from '../provider-capacity/provider-capacity.entity';
import { Rental } from '../rentals/rental.entity';
import { RentalTransition } from '../rentals/rental-transition.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { RentalStratum1764100000000 } from './migrations/1764100000000-rental-stratum';
import { ProviderCapacity1764200000000 } from './migrations/1764200000000-provider-capacity';
import { RentalPayments1764300000000 } from './migrations/1764300000000-rental-payments';
import { Listings1764400000000 } from './migrations/1764400000000-listings';
import { RentalPurchases1764510000000 } from './migrations/1764510000000-rental-purchases';
import { RentalLifecycle1764600000000 } from './migrations/1764600000000-rental-lifecycle';
import { ProviderTrackRecords1764700000000 } from './migrations/1764700000000-provider-track-records';
import { RentalSettlement1764710000000 } from './migrations/1764710000000-rental-settlement';

export function contractsDatabase(
  config: Pick<ContractsConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
): DatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: 'contracts',
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'contracts',
    entities: [
      Rental,
      RentalTransition,
      ProviderCapacity,
      Listing,
      ListingTransition,
      PayoutAccount,
      RentalPaymentEvent,
    ],
    migrations: [
      InitialSchema1764000000000,
      RentalStratum1764100000000,
      ProviderCapacity1764200000000,
      RentalPayments1764300000000,
      Listings1764400000000,
      RentalPurchases1764510000000,
      RentalLifecycle1764600000000,
      ProviderTrackRecords1764700000000,
      RentalSettlement1764710000000,
    ],
  };
}
