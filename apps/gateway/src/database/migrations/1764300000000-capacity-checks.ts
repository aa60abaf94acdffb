import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Capacity checks providers requested: what they claimed, where their rigs mine, and how the verifier judged it. */
export class CapacityChecks1764300000000 implements MigrationInterface {
  name = 'CapacityChecks1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."capacity_checks" (
        "id" uuid PRIMARY KEY,
        "provider_id" uuid NOT NULL REFERENCES "gateway"."accounts" ("id") ON DELETE CASCADE,
        "claimed_hashrate" numeric(31, 0) NOT NULL CHECK ("claimed_hashrate" > 0),
        "duration_seconds" integer NOT NULL CHECK ("duration_seconds" > 0),
        "credential" text NOT NULL UNIQUE,
        "pool_url" text NOT NULL,
        "pool_worker" text NOT NULL,
        "pool_password" text NOT NULL,
        "starts_at" timestamptz(3) NOT NULL,
        "ends_at" timestamptz(3) NOT NULL CHECK ("ends_at" > "starts_at"),
        "status" text NOT NULL CHECK ("status" IN ('running', 'passed', 'failed')),
        "verified_hashrate" numeric(31, 0) CHECK ("verified_hashrate" >= 0),
        "judgement" jsonb,
        "completed_at" timestamptz(3),
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT "capacity_checks_completed_with_result" CHECK (
          ("status" = 'running') = ("completed_at" IS NULL)
          AND ("completed_at" IS NULL) = ("verified_hashrate" IS NULL)
          AND ("completed_at" IS NULL) = ("judgement" IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "capacity_checks_provider" ON "gateway"."capacity_checks" ("provider_id", "created_at" DESC, "id" DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."capacity_checks"`);
  }
}
