import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { ListingNotFoundError } from './listing.errors';
import type { Listing } from './listing.entity';
import { ListingRepository } from './listing.repository';
import { assertHashrateCoversRentals } from './listing-availability';
import { assertMayManage } from './listing-access';
import { assertEditable } from './listing-lifecycle';
import { assertValidTerms, type ListingTerms } from './listing-terms';
import { termsOf } from './listing-terms.mapper';

export interface UpdateListingCommand {
  readonly actor: Actor;
  readonly listingId: string;
  readonly changes: Partial<ListingTerms>;
}

/**
 * Changes a draft or paused listing's terms; the result is checked as a whole. A listing never offers less
 * than its rentals hold: a paused listing keeps the rentals it sold while it was live.
 */
@Injectable()
export class UpdateListingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: ListingRepository,
  ) {}

  async execute(command: UpdateListingCommand): Promise<Listing> {
    const seen = await this.listings.find(command.listingId);
    if (!seen) throw new ListingNotFoundError();
    assertMayManage(command.actor, seen);
    return this.dataSource.transaction(async (transaction) => {
      // The capacity lock first, as rental openings take it: no rental can be sold from this listing while
      // its hash rate is compared with what its rentals hold.
      await this.listings.lockProviderCapacity(transaction, seen.providerId);
      const listing = await this.listings.lock(transaction, command.listingId);
      if (!listing) throw new ListingNotFoundError();
      assertEditable(listing.status);
      const terms = { ...termsOf(listing), ...definedOnly(command.changes) };
      assertValidTerms(terms);
      if (terms.hashrate !== BigInt(listing.hashrate)) {
        assertHashrateCoversRentals(terms.hashrate, await this.listings.heldHashrate(listing.id, transaction));
      }
      Object.assign(listing, {
        algorithm: terms.algorithm,
        hashrate: terms.hashrate.toString(),
        minDurationSeconds: terms.minDurationSeconds,
        maxDurationSeconds: terms.maxDurationSeconds,
        pricePerThDayMinor: terms.pricePerThDayMinor.toString(),
        currency: terms.currency,
      });
      return transaction.save(listing);
    });
  }
}

function definedOnly(changes: Partial<ListingTerms>): Partial<ListingTerms> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
