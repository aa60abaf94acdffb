import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a settled rental's money came to, as payouts fixed it: the provider's earnings and the renter's refund. */
export class RentalSettlement1764710000000 implements MigrationInterface {
  name = 'RentalSettlement1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "contracts"."rentals"
        ADD COLUMN "provider_earnings_minor" bigint,
        ADD COLUMN "renter_refund_minor" bigint,
        ADD CONSTRAINT "rentals_settlement_amounts" CHECK (
          ("provider_earnings_minor" IS NULL AND "renter_refund_minor" IS NULL)
          OR ("provider_earnings_minor" >= 0 AND "renter_refund_minor" >= 0
            AND "provider_earnings_minor" + "renter_refund_minor" = "price_minor"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "contracts"."rentals"
        DROP CONSTRAINT "rentals_settlement_amounts",
        DROP COLUMN "renter_refund_minor",
        DROP COLUMN "provider_earnings_minor"`);
  }
}
