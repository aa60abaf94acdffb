import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StratumCredentials1764100000000 implements MigrationInterface {
  name = 'StratumCredentials1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "verifier"."stratum_credentials" (
        "credential" text PRIMARY KEY,
        "rental_id" uuid NOT NULL,
        "upstream_url" text,
        "upstream_worker" text,
        "upstream_password" text,
        "revoked_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "stratum_credentials_rental_id" ON "verifier"."stratum_credentials" ("rental_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verifier"."stratum_credentials"`);
  }
}
