import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { providerReadBy } from '../access/provider-scope';
import { cursorParts, decodeCursor, encodeCursor } from '../paging/keyset-cursor';
import { heldByRentalsJoin, listingOf, type ListingRow } from './listing-row';
import type { ListingStatus } from './listing-status';
import type { ListingWithAvailability } from './listing-with-availability';

export interface ProviderListingsQuery {
  /** For an admin: one provider's listings; without it, every provider's. */
  readonly providerId?: string | undefined;
  readonly status?: ListingStatus | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface ProviderListingsPage {
  readonly items: ListingWithAvailability[];
  readonly nextCursor: string | null;
}

/** A provider's own listings in every status, newest first (then by id, so the order is total). */
@Injectable()
export class ListProviderListingsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, query: ProviderListingsQuery): Promise<ProviderListingsPage> {
    const providerId = providerReadBy(actor, query.providerId);
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    if (providerId !== null) conditions.push(`l.provider_id = ${bind(providerId)}`);
    if (query.status) conditions.push(`l.status = ${bind(query.status)}`);
    if (query.cursor !== undefined) {
      const [createdAt, id] = decodeCursor(query.cursor, [cursorParts.timestamp, cursorParts.uuid]);
      conditions.push(`(l.created_at, l.id) < (${bind(createdAt)}::timestamptz, ${bind(id)}::uuid)`);
    }
    const rows = await this.dataSource.query<(ListingRow & { cursor_at: string })[]>(
      `SELECT l.*, holding.held, l.created_at::text AS cursor_at
       FROM "listings" l ${heldByRentalsJoin}
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY l.created_at DESC, l.id DESC
       LIMIT ${bind(query.limit + 1)}`,
      parameters,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({ listing: listingOf(row), held: BigInt(row.held) })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
    };
  }
}
