import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { CreateListingUseCase } from '../listings/create-listing.usecase';
import type { Listing } from '../listings/listing.entity';
import type { ListingTerms } from '../listings/listing-terms';
import { PayoutAccountRepository } from '../payout-accounts/payout-account.repository';

export const TH = 1_000_000_000_000n;

export const defaultListingTerms: ListingTerms = {
  algorithm: 'sha256d',
  hashrate: 100n * TH,
  minDurationSeconds: 3_600,
  maxDurationSeconds: 30 * 86_400,
  pricePerThDayMinor: 1_000n,
  currency: 'USD',
};

export const providerActor = (id: string): Actor => ({ id, role: 'provider' });

/** Stands for a payout account Stripe confirmed: recorded through the repository the use case saves with. */
export async function connectPayoutAccount(contracts: INestApplicationContext, providerId: string): Promise<void> {
  await contracts.get(PayoutAccountRepository).save({
    providerId,
    stripeAccountId: `acct_test${providerId.replaceAll('-', '').slice(0, 16)}`,
    payoutsEnabled: true,
    updatedBy: `provider:${providerId}`,
  });
}

/** A draft listing of the provider's, on the default terms unless told otherwise. */
export function createListing(
  contracts: INestApplicationContext,
  providerId: string,
  terms: Partial<ListingTerms> = {},
): Promise<Listing> {
  return contracts.get(CreateListingUseCase).execute({
    actor: providerActor(providerId),
    terms: { ...defaultListingTerms, ...terms },
  });
}
