import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { ListingNotFoundError } from './listing.errors';
import { ListingRepository } from './listing.repository';
import { mayView } from './listing-access';
import type { ListingWithAvailability } from './listing-with-availability';

/** One listing: a live one for anyone, any other only for its provider and admins (404 for the rest). */
@Injectable()
export class FindListingUseCase {
  constructor(private readonly listings: ListingRepository) {}

  async execute(actor: Actor, listingId: string): Promise<ListingWithAvailability> {
    const found = await this.listings.findWithAvailability(listingId);
    if (!found || !mayView(actor, found.listing)) throw new ListingNotFoundError();
    return found;
  }
}
