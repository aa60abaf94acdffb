import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { providerActedFor } from '../access/provider-scope';
import { Listing } from './listing.entity';
import { ListingRepository } from './listing.repository';
import { assertValidTerms, type ListingTerms } from './listing-terms';

export interface CreateListingCommand {
  readonly actor: Actor;
  /** For an admin: the provider it lists for. */
  readonly providerId?: string | undefined;
  readonly terms: ListingTerms;
}

/** A new listing starts as a draft: nothing is for sale until it is published. */
@Injectable()
export class CreateListingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: ListingRepository,
  ) {}

  async execute(command: CreateListingCommand): Promise<Listing> {
    const providerId = providerActedFor(command.actor, command.providerId);
    assertValidTerms(command.terms);
    return this.dataSource.transaction(async (transaction) => {
      const listing = transaction.create(Listing, {
        id: randomUUID(),
        providerId,
        status: 'draft',
        algorithm: command.terms.algorithm,
        hashrate: command.terms.hashrate.toString(),
        minDurationSeconds: command.terms.minDurationSeconds,
        maxDurationSeconds: command.terms.maxDurationSeconds,
        pricePerThDayMinor: command.terms.pricePerThDayMinor.toString(),
        currency: command.terms.currency,
      });
      await transaction.save(listing);
      await this.listings.recordTransition(transaction, listing.id, null, 'draft', actorLabel(command.actor));
      return listing;
    });
  }
}
