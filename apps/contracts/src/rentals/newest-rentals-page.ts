import type { DataSource } from 'typeorm';
import { cursorParts, decodeCursor, encodeCursor } from '../paging/keyset-cursor';
import { Rental } from './rental.entity';
import type { RentalStatus } from './rental-status';

export interface RentalsPageRequest {
  /** Whose rentals: a renter's, a provider's, or (neither) everyone's. */
  readonly renterId?: string | undefined;
  readonly providerId?: string | undefined;
  readonly listingId?: string | undefined;
  readonly status?: RentalStatus | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface RentalsPage {
  readonly items: Rental[];
  readonly nextCursor: string | null;
}

/** Rentals newest first (then by id, so the order is total), a keyset page at a time. */
export async function newestRentalsPage(dataSource: DataSource, request: RentalsPageRequest): Promise<RentalsPage> {
  const builder = dataSource
    .getRepository(Rental)
    .createQueryBuilder('rental')
    .addSelect('CAST(rental.created_at AS text)', 'cursor_at')
    .orderBy('rental.createdAt', 'DESC')
    .addOrderBy('rental.id', 'DESC')
    .take(request.limit + 1);
  if (request.renterId) builder.andWhere('rental.renterId = :renterId', { renterId: request.renterId });
  if (request.providerId) builder.andWhere('rental.providerId = :providerId', { providerId: request.providerId });
  if (request.listingId) builder.andWhere('rental.listingId = :listingId', { listingId: request.listingId });
  if (request.status) builder.andWhere('rental.status = :status', { status: request.status });
  if (request.cursor !== undefined) {
    const [createdAt, id] = decodeCursor(request.cursor, [cursorParts.timestamp, cursorParts.uuid]);
    builder.andWhere('(rental.created_at, rental.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', {
      createdAt,
      id,
    });
  }
  const { entities, raw } = await builder.getRawAndEntities<{ cursor_at: string }>();
  const items = entities.slice(0, request.limit);
  const last = items.at(-1);
  const lastCursorAt = raw[items.length - 1]?.cursor_at;
  return {
    items,
    nextCursor: entities.length > request.limit && last && lastCursorAt ? encodeCursor([lastCursorAt, last.id]) : null,
  };
}
