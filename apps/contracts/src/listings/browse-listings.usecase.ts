import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cursorParts, decodeCursor, encodeCursor } from '../paging/keyset-cursor';
import { heldByRentalsJoin, listingOf, type ListingRow } from './listing-row';
import type { ListingWithAvailability } from './listing-with-availability';
import { type TrackRecord, trackRecordColumns, trackRecordJoin } from './track-record';

export interface BrowseListingsFilter {
  /** H/s still for sale, at least. */
  readonly minAvailableHashrate?: bigint | undefined;
  readonly maxPricePerThDayMinor?: bigint | undefined;
  readonly currency?: string | undefined;
  /** A rental length the listing must allow (between its minimum and maximum duration). */
  readonly durationSeconds?: number | undefined;
  readonly minCompletedRentals?: number | undefined;
  readonly maxTerminatedRentals?: number | undefined;
  readonly providerId?: string | undefined;
}

export interface BrowseListingsPage {
  readonly items: (ListingWithAvailability & { readonly track: TrackRecord })[];
  readonly nextCursor: string | null;
}

/**
 * Live listings for renters to choose from, cheapest first and then by id, so the order is total and a
 * cursor page never skips or repeats a listing whose availability changes meanwhile.
 */
@Injectable()
export class BrowseListingsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    filter: BrowseListingsFilter,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<BrowseListingsPage> {
    const conditions = [`l.status = 'live'`];
    const parameters: unknown[] = [];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    if (filter.currency) conditions.push(`l.currency = ${bind(filter.currency)}`);
    if (filter.providerId) conditions.push(`l.provider_id = ${bind(filter.providerId)}`);
    if (filter.maxPricePerThDayMinor !== undefined) {
      conditions.push(`l.price_per_th_day_minor <= ${bind(filter.maxPricePerThDayMinor.toString())}`);
    }
    if (filter.durationSeconds !== undefined) {
      const duration = bind(filter.durationSeconds);
      conditions.push(`l.min_duration_seconds <= ${duration} AND l.max_duration_seconds >= ${duration}`);
    }
    if (filter.minAvailableHashrate !== undefined) {
      conditions.push(`l.hashrate - holding.held::numeric >= ${bind(filter.minAvailableHashrate.toString())}::numeric`);
    }
    if (filter.minCompletedRentals !== undefined) {
      conditions.push(`${trackRecordColumns.completed} >= ${bind(filter.minCompletedRentals)}`);
    }
    if (filter.maxTerminatedRentals !== undefined) {
      conditions.push(`${trackRecordColumns.terminated} <= ${bind(filter.maxTerminatedRentals)}`);
    }
    if (page.cursor !== undefined) {
      const [price, id] = decodeCursor(page.cursor, [cursorParts.integer, cursorParts.uuid]);
      conditions.push(`(l.price_per_th_day_minor, l.id) > (${bind(price)}::bigint, ${bind(id)}::uuid)`);
    }
    const rows = await this.dataSource.query<(ListingRow & { completed: number; terminated: number })[]>(
      `SELECT l.*, holding.held, ${trackRecordColumns.completed} AS completed, ${trackRecordColumns.terminated} AS terminated
       FROM "listings" l ${heldByRentalsJoin} ${trackRecordJoin}
       WHERE ${conditions.join(' AND ')}
       ORDER BY l.price_per_th_day_minor, l.id
       LIMIT ${bind(page.limit + 1)}`,
      parameters,
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ({
        listing: listingOf(row),
        held: BigInt(row.held),
        track: { completedRentals: row.completed, terminatedRentals: row.terminated },
      })),
      nextCursor: rows.length > page.limit && last ? encodeCursor([last.price_per_th_day_minor, last.id]) : null,
    };
  }
}
