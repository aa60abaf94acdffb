import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the rental lifecycle: the completion poller's index over running rentals by their end, and the
 * verifier's delivery flags as contracts received them, with what each did to its rental.
 */
export class RentalLifecycle1764600000000 implements MigrationInterface {
  name = 'RentalLifecycle1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "rentals_active_by_end" ON "contracts"."rentals" ("ends_at", "id") WHERE "status" = 'active'`,
    );
    // No foreign key: a flag is kept even for a rental contracts does not know, for an admin to look into.
    await queryRunner.query(`
      CREATE TABLE "contracts"."rental_flags" (
        "rental_id" uuid NOT NULL,
        "cause" text NOT NULL,
        "window_index" integer NOT NULL CHECK ("window_index" >= 0),
        "raised_at" timestamptz NOT NULL,
        "evidence" jsonb NOT NULL,
        "rental_status" text,
        "outcome" text NOT NULL CHECK ("outcome" IN ('terminated', 'recorded')),
        "event_id" uuid NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("rental_id", "cause", "window_index")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contracts"."rental_flags"`);
    await queryRunner.query(`DROP INDEX "contracts"."rentals_active_by_end"`);
  }
}
