import type { EntityManager } from 'typeorm';
import { type EarlyEnding, shortenedEnd } from './rental-ending';

export interface RentalEnding {
  readonly rentalId: string;
  readonly endedAt: Date;
  readonly status: EarlyEnding;
}

interface ContractPeriodRecord {
  starts_at: Date;
  ends_at: Date;
}

/**
 * Rentals that ended early, kept whether or not their activation has arrived: the two come on different topics,
 * so an ending may be read before the activation it ends, and the activation then applies it.
 */
export class RentalEndingRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Serialises a rental's activation and ending, whichever comes first, so that each sees what the other wrote:
   * without it both could commit at once, each blind to the other, and the ending would be lost.
   */
  async lockRental(rentalId: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('verifier.rental-ending'), hashtext($1))`, [
      rentalId,
    ]);
  }

  /** A rental ends once; should it be said twice, the earlier end stands, so an ending never extends a rental. */
  async record(ending: RentalEnding): Promise<void> {
    await this.manager.query(
      `INSERT INTO "rental_endings" ("rental_id", "ended_at", "status") VALUES ($1, $2, $3)
       ON CONFLICT ("rental_id") DO UPDATE SET "ended_at" = least("rental_endings"."ended_at", EXCLUDED."ended_at")`,
      [ending.rentalId, ending.endedAt, ending.status],
    );
  }

  /**
   * Ends the rental's contract at its recorded ending and revokes its credential, once its activation has
   * arrived; nothing happens to a rental without an ending or not measured yet. Applied again, it changes nothing.
   */
  async applyTo(rentalId: string): Promise<void> {
    const [ending] = await this.manager.query<{ ended_at: Date }[]>(
      `SELECT "ended_at" FROM "rental_endings" WHERE "rental_id" = $1`,
      [rentalId],
    );
    if (!ending) return;
    // Locked as the window closer and the evidence consumer lock it: a window is closed on one end or the other.
    const [contract] = await this.manager.query<ContractPeriodRecord[]>(
      `SELECT "starts_at", "ends_at" FROM "delivery_contracts" WHERE "rental_id" = $1 AND "purpose" = 'rental'
       FOR UPDATE`,
      [rentalId],
    );
    if (!contract) return;
    const endsAt = shortenedEnd({ startsAt: contract.starts_at, endsAt: contract.ends_at }, ending.ended_at);
    if (endsAt < contract.ends_at) {
      await this.manager.query(`UPDATE "delivery_contracts" SET "ends_at" = $2 WHERE "rental_id" = $1`, [
        rentalId,
        endsAt,
      ]);
    }
    await this.manager.query(
      `UPDATE "stratum_credentials" SET "revoked_at" = $2 WHERE "rental_id" = $1 AND "revoked_at" IS NULL`,
      [rentalId, ending.ended_at],
    );
  }
}
