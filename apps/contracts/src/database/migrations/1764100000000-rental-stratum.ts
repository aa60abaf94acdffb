import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a rental's hash rate goes (the renter's pool) and the worker name its provider's rigs use. */
export class RentalStratum1764100000000 implements MigrationInterface {
  name = 'RentalStratum1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "contracts"."rentals"
        ADD COLUMN "pool_url" text NOT NULL,
        ADD COLUMN "pool_worker" text NOT NULL,
        ADD COLUMN "pool_password" text NOT NULL DEFAULT '',
        ADD COLUMN "stratum_credential" text UNIQUE,
        ADD CONSTRAINT "rentals_active_have_credential"
          CHECK ("status" = 'pending_payment' OR "status" = 'cancelled' OR "stratum_credential" IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "contracts"."rentals"
        DROP CONSTRAINT "rentals_active_have_credential",
        DROP COLUMN "stratum_credential",
        DROP COLUMN "pool_password",
        DROP COLUMN "pool_worker",
        DROP COLUMN "pool_url"`);
  }
}
