import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { newestRentalsPage, type RentalsPage } from '../rentals/newest-rentals-page';
import type { RentalStatus } from '../rentals/rental-status';

export interface RentalsQuery {
  readonly listingId?: string | undefined;
  readonly status?: RentalStatus | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/**
 * A renter's own rentals, or for an admin everyone's, newest first.
 * Providers read the rentals of their listings through the provider routes.
 */
@Injectable()
export class ListRentalsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, query: RentalsQuery): Promise<RentalsPage> {
    if (actor.role === 'provider') {
      throw new ActionForbiddenError('providers see the rentals of their listings under /v1/provider/rentals');
    }
    return newestRentalsPage(this.dataSource, {
      ...query,
      renterId: actor.role === 'renter' ? actor.id : undefined,
    });
  }
}
