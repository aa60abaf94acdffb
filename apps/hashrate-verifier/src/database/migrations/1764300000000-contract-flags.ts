import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractFlags1764300000000 implements MigrationInterface {
  name = 'ContractFlags1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "verifier"."contract_flags" (
        "id" bigserial PRIMARY KEY,
        "rental_id" uuid NOT NULL REFERENCES "verifier"."delivery_contracts" ("rental_id"),
        "cause" text NOT NULL,
        "raised_at" timestamptz NOT NULL DEFAULT now(),
        "raised_in_window" integer NOT NULL,
        "evidence" jsonb NOT NULL,
        "cleared_at" timestamptz,
        "cleared_in_window" integer
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_flags_one_active" ON "verifier"."contract_flags" ("rental_id", "cause") WHERE "cleared_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verifier"."contract_flags"`);
  }
}
