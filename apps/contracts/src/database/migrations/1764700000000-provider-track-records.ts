import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Providers' track records as rows kept by every rental move, instead of counted over all their rentals on each
 * search; filled here from the rentals as they are. A settled rental counts by the status it was settled from,
 * which its latest move to settled records.
 */
export class ProviderTrackRecords1764700000000 implements MigrationInterface {
  name = 'ProviderTrackRecords1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "contracts"."provider_track_records" (
        "provider_id" uuid PRIMARY KEY,
        "completed_rentals" integer NOT NULL CHECK ("completed_rentals" >= 0),
        "terminated_rentals" integer NOT NULL CHECK ("terminated_rentals" >= 0),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO "contracts"."provider_track_records" ("provider_id", "completed_rentals", "terminated_rentals")
      SELECT r.provider_id,
             count(*) FILTER (WHERE outcome.status = 'completed'),
             count(*) FILTER (WHERE outcome.status = 'terminated')
      FROM "contracts"."rentals" r
      CROSS JOIN LATERAL (
        SELECT CASE WHEN r.status = 'settled' THEN (
          SELECT t.from_status FROM "contracts"."rental_transitions" t
          WHERE t.rental_id = r.id AND t.to_status = 'settled' ORDER BY t.id DESC LIMIT 1
        ) ELSE r.status END AS status
      ) outcome
      WHERE r.status IN ('completed', 'terminated', 'settled')
      GROUP BY r.provider_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contracts"."provider_track_records"`);
  }
}
