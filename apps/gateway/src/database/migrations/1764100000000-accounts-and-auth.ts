import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndAuth1764100000000 implements MigrationInterface {
  name = 'AccountsAndAuth1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."accounts" (
        "id" uuid PRIMARY KEY,
        "email" text NOT NULL CHECK (length("email") BETWEEN 3 AND 254),
        "password_hash" text NOT NULL,
        "role" text NOT NULL CHECK ("role" IN ('renter', 'provider', 'admin')),
        "created_at" timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Case-insensitive uniqueness; text_pattern_ops lets the same index serve the admin's email-prefix filter.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "accounts_email_key" ON "gateway"."accounts" (lower("email") text_pattern_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "accounts_created" ON "gateway"."accounts" ("created_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."refresh_tokens" (
        "id" uuid PRIMARY KEY,
        "token_hash" text NOT NULL UNIQUE,
        "family_id" uuid NOT NULL,
        "account_id" uuid NOT NULL REFERENCES "gateway"."accounts" ("id") ON DELETE CASCADE,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_family" ON "gateway"."refresh_tokens" ("family_id")`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_account" ON "gateway"."refresh_tokens" ("account_id")`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."api_keys" (
        "id" uuid PRIMARY KEY,
        "account_id" uuid NOT NULL REFERENCES "gateway"."accounts" ("id") ON DELETE CASCADE,
        "name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 100),
        "prefix" text NOT NULL,
        "key_hash" text NOT NULL UNIQUE,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "revoked_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "api_keys_account" ON "gateway"."api_keys" ("account_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."api_keys"`);
    await queryRunner.query(`DROP TABLE "gateway"."refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "gateway"."accounts"`);
  }
}
