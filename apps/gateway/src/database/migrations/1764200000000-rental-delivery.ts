import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model of rentals' delivery evidence, fed by the verifier's and contracts' events. */
export class RentalDelivery1764200000000 implements MigrationInterface {
  name = 'RentalDelivery1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."delivery_rentals" (
        "rental_id" uuid PRIMARY KEY,
        "listing_id" uuid NOT NULL,
        "renter_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "contracted_hashrate" numeric(31, 0) NOT NULL,
        "starts_at" timestamptz(3) NOT NULL,
        "ends_at" timestamptz(3) NOT NULL,
        "activated_at" timestamptz(3) NOT NULL
      )`);
    // No foreign keys to delivery_rentals: windows and flags may arrive before the rental's activation.
    await queryRunner.query(`
      CREATE TABLE "gateway"."delivery_windows" (
        "rental_id" uuid NOT NULL,
        "window_index" integer NOT NULL CHECK ("window_index" >= 0),
        "starts_at" timestamptz(3) NOT NULL,
        "ends_at" timestamptz(3) NOT NULL,
        "closed_at" timestamptz(3) NOT NULL,
        "contracted_hashrate" numeric(31, 0) NOT NULL,
        "accepted_shares" integer NOT NULL CHECK ("accepted_shares" >= 0),
        "rejected_shares" integer NOT NULL CHECK ("rejected_shares" >= 0),
        "rejected_by_reason" jsonb NOT NULL,
        "pool_disagreements" integer NOT NULL,
        "block_candidates" integer NOT NULL,
        "pool_down_seconds" double precision NOT NULL,
        "rig_connected_seconds" double precision NOT NULL,
        "measurement" jsonb NOT NULL,
        "contract_to_date" jsonb NOT NULL,
        PRIMARY KEY ("rental_id", "window_index")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."delivery_flag_changes" (
        "rental_id" uuid NOT NULL,
        "cause" text NOT NULL,
        "window_index" integer NOT NULL CHECK ("window_index" >= 0),
        "kind" text NOT NULL CHECK ("kind" IN ('raised', 'cleared')),
        "at" timestamptz(3) NOT NULL,
        "evidence" jsonb,
        PRIMARY KEY ("rental_id", "cause", "window_index", "kind")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."delivery_flag_changes"`);
    await queryRunner.query(`DROP TABLE "gateway"."delivery_windows"`);
    await queryRunner.query(`DROP TABLE "gateway"."delivery_rentals"`);
  }
}
