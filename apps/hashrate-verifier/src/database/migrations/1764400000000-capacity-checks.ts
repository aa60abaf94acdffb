import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A capacity check is measured as a delivery contract under the check's id; `purpose` tells it from a rental,
 * and capacity_checks holds what only a check has: the request it came from and its one outcome.
 */
export class CapacityChecks1764400000000 implements MigrationInterface {
  name = 'CapacityChecks1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "verifier"."delivery_contracts" ADD COLUMN "purpose" text NOT NULL DEFAULT 'rental'
         CHECK ("purpose" IN ('rental', 'capacity-check'))`,
    );
    await queryRunner.query(`
      CREATE TABLE "verifier"."capacity_checks" (
        "check_id" uuid PRIMARY KEY REFERENCES "verifier"."delivery_contracts" ("rental_id"),
        "request_event_id" uuid NOT NULL,
        "correlation_id" text NOT NULL,
        "requested_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        "passed" boolean,
        "verified_hashrate" numeric(30, 0),
        "judgement" jsonb,
        CHECK (("completed_at" IS NULL) = ("passed" IS NULL)),
        CHECK (("completed_at" IS NULL) = ("verified_hashrate" IS NULL)),
        CHECK (("completed_at" IS NULL) = ("judgement" IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "capacity_checks_pending" ON "verifier"."capacity_checks" ("check_id") WHERE "completed_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verifier"."capacity_checks"`);
    await queryRunner.query(`ALTER TABLE "verifier"."delivery_contracts" DROP COLUMN "purpose"`);
  }
}
