import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renters buying rentals: the Idempotency-Key of the purchase that opened a rental (one rental per renter and
 * key, which is what makes a retried purchase return the same rental), and a renter's rentals newest first.
 */
export class RentalPurchases1764510000000 implements MigrationInterface {
  name = 'RentalPurchases1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contracts"."rentals" ADD COLUMN "purchase_idempotency_key" text`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "rentals_renter_purchase_key" ON "contracts"."rentals" ("renter_id", "purchase_idempotency_key")
        WHERE "purchase_idempotency_key" IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "rentals_renter" ON "contracts"."rentals" ("renter_id", "created_at" DESC, "id" DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "contracts"."rentals_renter"`);
    await queryRunner.query(`DROP INDEX "contracts"."rentals_renter_purchase_key"`);
    await queryRunner.query(`ALTER TABLE "contracts"."rentals" DROP COLUMN "purchase_idempotency_key"`);
  }
}
