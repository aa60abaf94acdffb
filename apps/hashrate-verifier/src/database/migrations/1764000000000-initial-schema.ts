import { createMessagingTablesV1, dropMessagingTablesV1 } from '@hashproof/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'verifier');
    await queryRunner.query(`
      CREATE TABLE "verifier"."delivery_contracts" (
        "rental_id" uuid PRIMARY KEY,
        "provider_id" uuid NOT NULL,
        "contracted_hashrate" numeric(30, 0) NOT NULL CHECK ("contracted_hashrate" > 0),
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL CHECK ("ends_at" > "starts_at"),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verifier"."delivery_contracts"`);
    await dropMessagingTablesV1(queryRunner, 'verifier');
  }
}
