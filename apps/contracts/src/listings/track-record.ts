/** How a provider's past rentals ended: the track record renters filter on. */
export interface TrackRecord {
  /** Rentals that ran to their end and were not terminated (settled ones included). */
  readonly completedRentals: number;
  /** Rentals ended early for the provider's failure to deliver (settled ones included). */
  readonly terminatedRentals: number;
}

/**
 * Joins `track` for the provider of listing `l`: a settled rental counts by the status it was settled from,
 * which its audit trail records (settled follows completed, cancelled or terminated).
 */
export const trackRecordJoin = `
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE outcome.status = 'completed')::int AS completed,
           count(*) FILTER (WHERE outcome.status = 'terminated')::int AS terminated
    FROM "rentals" r
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r.status = 'settled' THEN (
        SELECT t.from_status FROM "rental_transitions" t
        WHERE t.rental_id = r.id AND t.to_status = 'settled' ORDER BY t.id DESC LIMIT 1
      ) ELSE r.status END AS status
    ) outcome
    WHERE r.provider_id = l.provider_id AND r.status IN ('completed', 'terminated', 'settled')
  ) track`;
