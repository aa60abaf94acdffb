import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each provider's hash rate as its latest completed capacity check verified it, and an index that sums
 * the hash rate its rentals hold without reading the rest of the table.
 */
export class ProviderCapacity1764200000000 implements MigrationInterface {
  name = 'ProviderCapacity1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // numeric(31, 0): every hash rate the capacity events may carry fits, so a valid event never fails on storage.
    await queryRunner.query(`
      CREATE TABLE "contracts"."provider_capacities" (
        "provider_id" uuid PRIMARY KEY,
        "verified_hashrate" numeric(31, 0) NOT NULL CHECK ("verified_hashrate" >= 0),
        "claimed_hashrate" numeric(31, 0) NOT NULL CHECK ("claimed_hashrate" >= 0),
        "passed" boolean NOT NULL,
        "check_id" uuid NOT NULL,
        "completed_at" timestamptz NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE INDEX "rentals_provider_holding_capacity" ON "contracts"."rentals" ("provider_id") INCLUDE ("hashrate")
        WHERE "status" IN ('pending_payment', 'active', 'disputed')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "contracts"."rentals_provider_holding_capacity"`);
    await queryRunner.query(`DROP TABLE "contracts"."provider_capacities"`);
  }
}
