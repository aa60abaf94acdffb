import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { cursorParts, decodeCursor, encodeCursor } from '../paging/keyset-cursor';
import { Rental } from '../rentals/rental.entity';
import type { RentalStatus } from '../rentals/rental-status';

export interface RentalsQuery {
  readonly listingId?: string | undefined;
  readonly status?: RentalStatus | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface RentalsPage {
  readonly items: Rental[];
  readonly nextCursor: string | null;
}

/**
 * A renter's own rentals, or for an admin everyone's, newest first (then by id, so the order is total).
 * Providers read the rentals of their listings through the provider routes.
 */
@Injectable()
export class ListRentalsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, query: RentalsQuery): Promise<RentalsPage> {
    if (actor.role === 'provider') {
      throw new ActionForbiddenError('providers see the rentals of their listings under /v1/provider/rentals');
    }
    const builder = this.dataSource
      .getRepository(Rental)
      .createQueryBuilder('rental')
      .addSelect('CAST(rental.created_at AS text)', 'cursor_at')
      .orderBy('rental.createdAt', 'DESC')
      .addOrderBy('rental.id', 'DESC')
      .take(query.limit + 1);
    if (actor.role === 'renter') builder.andWhere('rental.renterId = :renterId', { renterId: actor.id });
    if (query.listingId) builder.andWhere('rental.listingId = :listingId', { listingId: query.listingId });
    if (query.status) builder.andWhere('rental.status = :status', { status: query.status });
    if (query.cursor !== undefined) {
      const [createdAt, id] = decodeCursor(query.cursor, [cursorParts.timestamp, cursorParts.uuid]);
      builder.andWhere('(rental.created_at, rental.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', {
        createdAt,
        id,
      });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ cursor_at: string }>();
    const items = entities.slice(0, query.limit);
    const last = items.at(-1);
    const lastCursorAt = raw[items.length - 1]?.cursor_at;
    return {
      items,
      nextCursor: entities.length > query.limit && last && lastCursorAt ? encodeCursor([lastCursorAt, last.id]) : null,
    };
  }
}
