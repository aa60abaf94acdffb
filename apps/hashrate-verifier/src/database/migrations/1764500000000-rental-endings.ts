import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rentals cancelled or terminated while they ran, recorded whether or not their activation has arrived (the two
 * come on different topics). A contract ended before it began ends at its start, so a contract's period may now
 * be empty: it then has no window at all.
 */
export class RentalEndings1764500000000 implements MigrationInterface {
  name = 'RentalEndings1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "verifier"."rental_endings" (
        "rental_id" uuid PRIMARY KEY,
        "ended_at" timestamptz NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('cancelled', 'terminated')),
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE "verifier"."delivery_contracts" DROP CONSTRAINT "delivery_contracts_check"`);
    await queryRunner.query(
      `ALTER TABLE "verifier"."delivery_contracts" ADD CONSTRAINT "delivery_contracts_period" CHECK ("ends_at" >= "starts_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "verifier"."delivery_contracts" DROP CONSTRAINT "delivery_contracts_period"`);
    await queryRunner.query(
      `ALTER TABLE "verifier"."delivery_contracts" ADD CONSTRAINT "delivery_contracts_check" CHECK ("ends_at" > "starts_at")`,
    );
    await queryRunner.query(`DROP TABLE "verifier"."rental_endings"`);
  }
}
