import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { providerReadBy } from '../access/provider-scope';
import { newestRentalsPage, type RentalsPage } from '../rentals/newest-rentals-page';
import type { RentalStatus } from '../rentals/rental-status';

export interface ProviderRentalsQuery {
  /** For an admin: one provider's rentals; without it, every provider's. */
  readonly providerId?: string | undefined;
  readonly listingId?: string | undefined;
  readonly status?: RentalStatus | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** The rentals sold from a provider's listings, newest first. */
@Injectable()
export class ListProviderRentalsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, query: ProviderRentalsQuery): Promise<RentalsPage> {
    const providerId = providerReadBy(actor, query.providerId) ?? undefined;
    return newestRentalsPage(this.dataSource, { ...query, providerId });
  }
}
