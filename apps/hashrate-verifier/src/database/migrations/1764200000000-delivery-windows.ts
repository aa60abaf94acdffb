import { createConsumedOffsetsTableV1 } from '@hashproof/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryWindows1764200000000 implements MigrationInterface {
  name = 'DeliveryWindows1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createConsumedOffsetsTableV1(queryRunner, 'verifier');
    await queryRunner.query(
      `ALTER TABLE "verifier"."delivery_contracts" ADD COLUMN "next_window_index" integer NOT NULL DEFAULT 0,
       ADD COLUMN "windows_finished" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`
      CREATE TABLE "verifier"."delivery_windows" (
        "rental_id" uuid NOT NULL REFERENCES "verifier"."delivery_contracts" ("rental_id"),
        "window_index" integer NOT NULL CHECK ("window_index" >= 0),
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "shares" integer NOT NULL DEFAULT 0,
        "work" double precision NOT NULL DEFAULT 0,
        "work_squared" double precision NOT NULL DEFAULT 0,
        "rejected_by_reason" jsonb NOT NULL DEFAULT '{}',
        "pool_disagreements" integer NOT NULL DEFAULT 0,
        "block_candidates" integer NOT NULL DEFAULT 0,
        "last_difficulty" double precision,
        "closed_at" timestamptz,
        "judgement" jsonb,
        PRIMARY KEY ("rental_id", "window_index")
      )`);
    await queryRunner.query(`
      CREATE TABLE "verifier"."connection_intervals" (
        "id" bigserial PRIMARY KEY,
        "rental_id" uuid NOT NULL,
        "connection_id" text NOT NULL,
        "side" text NOT NULL CHECK ("side" IN ('rig', 'pool-down')),
        "started_at" timestamptz NOT NULL,
        "ended_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "connection_intervals_rental" ON "verifier"."connection_intervals" ("rental_id", "side", "started_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verifier"."connection_intervals"`);
    await queryRunner.query(`DROP TABLE "verifier"."delivery_windows"`);
    await queryRunner.query(
      `ALTER TABLE "verifier"."delivery_contracts" DROP COLUMN "next_window_index", DROP COLUMN "windows_finished"`,
    );
    await queryRunner.query(`DROP TABLE "verifier"."consumed_offsets"`);
  }
}
