import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { capacityHoldingStatuses } from '../provider-capacity/capacity-rule';
import { ProviderCapacity } from '../provider-capacity/provider-capacity.entity';
import { Rental } from '../rentals/rental.entity';
import { Listing } from './listing.entity';
import { heldByRentalsJoin, listingOf, type ListingRow } from './listing-row';
import type { ListingStatus } from './listing-status';
import { ListingTransition } from './listing-transition.entity';
import type { ListingWithAvailability } from './listing-with-availability';

/** Listings and what the listing rules need to know about them, inside the caller's transaction. */
@Injectable()
export class ListingRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(listingId: string, manager: EntityManager = this.dataSource.manager): Promise<Listing | null> {
    return manager.findOneBy(Listing, { id: listingId });
  }

  /** The listing and the H/s its rentals hold, read in one statement (a listing's page asks for both). */
  async findWithAvailability(listingId: string): Promise<ListingWithAvailability | null> {
    const [row] = await this.dataSource.query<ListingRow[]>(
      `SELECT l.*, holding.held FROM "listings" l ${heldByRentalsJoin} WHERE l.id = $1`,
      [listingId],
    );
    return row ? { listing: listingOf(row), held: BigInt(row.held) } : null;
  }

  lock(manager: EntityManager, listingId: string): Promise<Listing | null> {
    return manager.findOne(Listing, { where: { id: listingId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks the provider's capacity row, the lock that opening a rental and recording a completed check take:
   * going live, and changing what a listing offers, then queue behind each other and behind rental openings,
   * so each sees every listing and rental committed before it. Resolves the verified H/s, null if never checked.
   */
  async lockProviderCapacity(manager: EntityManager, providerId: string): Promise<bigint | null> {
    const capacity = await manager.findOne(ProviderCapacity, {
      where: { providerId },
      lock: { mode: 'pessimistic_write' },
    });
    return capacity ? BigInt(capacity.verifiedHashrate) : null;
  }

  /** H/s held by the listing's rentals that hold capacity (pending payment, active, disputed). */
  async heldHashrate(listingId: string, manager: EntityManager = this.dataSource.manager): Promise<bigint> {
    return (await this.heldHashrates([listingId], manager)).get(listingId) ?? 0n;
  }

  async heldHashrates(
    listingIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, bigint>> {
    if (listingIds.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(Rental, 'rental')
      .select('rental.listingId', 'listingId')
      .addSelect('SUM(rental.hashrate)::text', 'held')
      .where('rental.listingId IN (:...listingIds)', { listingIds })
      .andWhere('rental.status IN (:...statuses)', { statuses: capacityHoldingStatuses })
      .groupBy('rental.listingId')
      .getRawMany<{ listingId: string; held: string }>();
    return new Map(rows.map((row) => [row.listingId, BigInt(row.held)]));
  }

  /** H/s offered by the provider's live listings other than `exceptListingId`. */
  async liveHashrate(manager: EntityManager, providerId: string, exceptListingId: string): Promise<bigint> {
    const row = await manager
      .createQueryBuilder(Listing, 'listing')
      .select('COALESCE(SUM(listing.hashrate), 0)::text', 'live')
      .where('listing.providerId = :providerId', { providerId })
      .andWhere("listing.status = 'live'")
      .andWhere('listing.id <> :exceptListingId', { exceptListingId })
      .getRawOne<{ live: string }>();
    return BigInt(row?.live ?? '0');
  }

  async recordTransition(
    manager: EntityManager,
    listingId: string,
    from: ListingStatus | null,
    to: ListingStatus,
    actor: string,
  ): Promise<void> {
    await manager.insert(ListingTransition, { listingId, fromStatus: from, toStatus: to, actor });
  }
}
