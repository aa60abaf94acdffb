import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { PayoutAccountRepository } from '../payout-accounts/payout-account.repository';
import { assertMayGoLive } from './go-live-rule';
import { ListingNotFoundError } from './listing.errors';
import type { Listing } from './listing.entity';
import { ListingRepository } from './listing.repository';
import { assertMayManage } from './listing-access';
import { actionGoesLive, type ListingAction, nextListingStatus } from './listing-lifecycle';

export interface ChangeListingStatusCommand {
  readonly actor: Actor;
  readonly listingId: string;
  readonly action: ListingAction;
}

/**
 * Publishes, pauses, resumes or retires a listing, with an audit record. Going live (publish, resume)
 * requires a connected payout account and verified capacity for all the provider's live listings.
 */
@Injectable()
export class ChangeListingStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: ListingRepository,
    private readonly payoutAccounts: PayoutAccountRepository,
  ) {}

  async execute(command: ChangeListingStatusCommand): Promise<Listing> {
    const seen = await this.listings.find(command.listingId);
    if (!seen) throw new ListingNotFoundError();
    assertMayManage(command.actor, seen);
    return this.dataSource.transaction(async (transaction) => {
      // Going live queues on the provider's capacity row: two listings published at once are summed one
      // after the other, so together they never exceed the verified hash rate.
      const verified = actionGoesLive(command.action)
        ? await this.listings.lockProviderCapacity(transaction, seen.providerId)
        : null;
      const listing = await this.listings.lock(transaction, command.listingId);
      if (!listing) throw new ListingNotFoundError();
      const to = nextListingStatus(listing.status, command.action);
      if (actionGoesLive(command.action)) await this.assertMayGoLive(transaction, listing, verified);
      const from = listing.status;
      listing.status = to;
      const saved = await transaction.save(listing);
      await this.listings.recordTransition(transaction, listing.id, from, to, actorLabel(command.actor));
      return saved;
    });
  }

  private async assertMayGoLive(transaction: EntityManager, listing: Listing, verified: bigint | null) {
    assertMayGoLive({
      payoutAccountConnected: await this.payoutAccounts.isConnected(listing.providerId, transaction),
      verified,
      live: await this.listings.liveHashrate(transaction, listing.providerId, listing.id),
      offered: BigInt(listing.hashrate),
    });
  }
}
