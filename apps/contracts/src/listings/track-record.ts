import type { RentalStatus } from '../rentals/rental-status';

/** How a provider's past rentals ended: the track record renters filter on. */
export interface TrackRecord {
  /** Rentals that ran to their end and were not terminated (settled ones included). */
  readonly completedRentals: number;
  /** Rentals ended early for the provider's failure to deliver (settled ones included). */
  readonly terminatedRentals: number;
}

const unchanged: TrackRecord = { completedRentals: 0, terminatedRentals: 0 };

const countOf = (status: RentalStatus | null, counted: RentalStatus) => (status === counted ? 1 : 0);

/**
 * What a rental's move from `from` to `to` adds to its provider's track record. A settled rental keeps counting
 * by the status it was settled from (completed, terminated, or cancelled, which never counts), so settling
 * changes nothing.
 */
export function trackRecordChange(from: RentalStatus | null, to: RentalStatus): TrackRecord {
  if (to === 'settled') return unchanged;
  return {
    completedRentals: countOf(to, 'completed') - countOf(from, 'completed'),
    terminatedRentals: countOf(to, 'terminated') - countOf(from, 'terminated'),
  };
}

export const isTrackRecordUnchanged = (change: TrackRecord) =>
  change.completedRentals === 0 && change.terminatedRentals === 0;

/** Joins `track`, the kept row of the provider of listing `l`: none for one whose rentals never ended either way. */
export const trackRecordJoin = `LEFT JOIN "provider_track_records" track ON track.provider_id = l.provider_id`;

/** The counts from `track`, zero without a row. */
export const trackRecordColumns = {
  completed: 'COALESCE(track.completed_rentals, 0)',
  terminated: 'COALESCE(track.terminated_rentals, 0)',
} as const;
