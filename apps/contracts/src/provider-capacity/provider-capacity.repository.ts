import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The outcome of one completed capacity check, as the contracts context keeps it. */
export interface VerifiedCapacity {
  readonly providerId: string;
  readonly checkId: string;
  /** H/s as a decimal integer string. */
  readonly verifiedHashrate: string;
  readonly claimedHashrate: string;
  readonly passed: boolean;
  /** ISO 8601; compared in the database at its full precision. */
  readonly completedAt: string;
}

@Injectable()
export class ProviderCapacityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Makes `capacity` the provider's if it completed later than the check on record (ties broken by check
   * id, so replicas agree); an older or the same check changes nothing. The upsert takes the row lock that
   * opening a rental also takes, so a rental is judged either wholly before or wholly after the new capacity.
   * Resolves whether the capacity was recorded.
   */
  async record(capacity: VerifiedCapacity, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const recorded = await manager.query<unknown[]>(
      `INSERT INTO "provider_capacities"
         ("provider_id", "verified_hashrate", "claimed_hashrate", "passed", "check_id", "completed_at")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("provider_id") DO UPDATE SET
         "verified_hashrate" = EXCLUDED."verified_hashrate",
         "claimed_hashrate" = EXCLUDED."claimed_hashrate",
         "passed" = EXCLUDED."passed",
         "check_id" = EXCLUDED."check_id",
         "completed_at" = EXCLUDED."completed_at",
         "recorded_at" = now()
       WHERE ("provider_capacities"."completed_at", "provider_capacities"."check_id")
           < (EXCLUDED."completed_at", EXCLUDED."check_id")
       RETURNING "provider_id"`,
      [
        capacity.providerId,
        capacity.verifiedHashrate,
        capacity.claimedHashrate,
        capacity.passed,
        capacity.checkId,
        capacity.completedAt,
      ],
    );
    return recorded.length === 1;
  }
}
