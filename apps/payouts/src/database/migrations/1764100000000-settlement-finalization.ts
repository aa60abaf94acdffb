import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settlements become final: the two facts they wait for (how the rental ended, and the verifier's last
 * measurement of it), each kept as it arrives, and the amounts a final settlement fixes.
 */
export class SettlementFinalization1764100000000 implements MigrationInterface {
  name = 'SettlementFinalization1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "payouts"."settlements"
        DROP CONSTRAINT "settlements_status_check",
        ADD COLUMN "provider_earnings_minor" bigint,
        ADD COLUMN "renter_refund_minor" bigint,
        ADD COLUMN "credited_seconds" double precision,
        ADD COLUMN "finalized_at" timestamptz,
        ADD CONSTRAINT "settlements_status_check" CHECK ("status" IN ('open', 'final')),
        ADD CONSTRAINT "settlements_final_amounts" CHECK (
          ("status" = 'open' AND "provider_earnings_minor" IS NULL AND "renter_refund_minor" IS NULL
            AND "credited_seconds" IS NULL AND "finalized_at" IS NULL)
          OR ("status" = 'final' AND "provider_earnings_minor" >= 0 AND "renter_refund_minor" >= 0
            AND "provider_earnings_minor" + "renter_refund_minor" = "contract_value_minor"
            AND "credited_seconds" >= 0 AND "finalized_at" IS NOT NULL))`);
    // Either fact may arrive before the activation that opens the settlement: no foreign keys.
    await queryRunner.query(`
      CREATE TABLE "payouts"."rental_endings" (
        "rental_id" uuid PRIMARY KEY,
        "status" text NOT NULL CHECK ("status" IN ('completed', 'cancelled', 'terminated')),
        "ended_at" timestamptz NOT NULL,
        "event_id" uuid NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "payouts"."delivery_measurements" (
        "rental_id" uuid PRIMARY KEY,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL CHECK ("ends_at" >= "starts_at"),
        "contracted_hashrate" numeric(30, 0) NOT NULL CHECK ("contracted_hashrate" > 0),
        "measured_seconds" double precision NOT NULL CHECK ("measured_seconds" >= 0),
        "pool_down_seconds" double precision NOT NULL CHECK ("pool_down_seconds" >= 0),
        "delivered_work" double precision NOT NULL CHECK ("delivered_work" >= 0),
        "verdict" text NOT NULL,
        "event_id" uuid NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payouts"."delivery_measurements"`);
    await queryRunner.query(`DROP TABLE "payouts"."rental_endings"`);
    await queryRunner.query(`
      ALTER TABLE "payouts"."settlements"
        DROP CONSTRAINT "settlements_final_amounts",
        DROP CONSTRAINT "settlements_status_check",
        DROP COLUMN "finalized_at",
        DROP COLUMN "credited_seconds",
        DROP COLUMN "renter_refund_minor",
        DROP COLUMN "provider_earnings_minor",
        ADD CONSTRAINT "settlements_status_check" CHECK ("status" IN ('open'))`);
  }
}
