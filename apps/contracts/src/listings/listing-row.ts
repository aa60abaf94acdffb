import { capacityHoldingStatuses } from '../provider-capacity/capacity-rule';
import { Listing } from './listing.entity';
import type { ListingStatus } from './listing-status';
import type { ListingAlgorithm } from './listing-terms';

/** A listings row as raw SQL returns it (numeric and bigint as strings), with the H/s its rentals hold. */
export interface ListingRow {
  readonly id: string;
  readonly provider_id: string;
  readonly status: ListingStatus;
  readonly algorithm: ListingAlgorithm;
  readonly hashrate: string;
  readonly min_duration_seconds: number;
  readonly max_duration_seconds: number;
  readonly price_per_th_day_minor: string;
  readonly currency: string;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly version: number;
  readonly held: string;
}

/** Joins `held`: the H/s held by the rentals of listing `l`, served by the rentals (listing_id, status) index. */
export const heldByRentalsJoin = `
  CROSS JOIN LATERAL (
    SELECT COALESCE(SUM(r.hashrate), 0)::text AS held FROM "rentals" r
    WHERE r.listing_id = l.id AND r.status IN (${capacityHoldingStatuses.map((status) => `'${status}'`).join(', ')})
  ) holding`;

export function listingOf(row: ListingRow): Listing {
  return Object.assign(new Listing(), {
    id: row.id,
    providerId: row.provider_id,
    status: row.status,
    algorithm: row.algorithm,
    hashrate: row.hashrate,
    minDurationSeconds: row.min_duration_seconds,
    maxDurationSeconds: row.max_duration_seconds,
    pricePerThDayMinor: row.price_per_th_day_minor,
    currency: row.currency,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  });
}
