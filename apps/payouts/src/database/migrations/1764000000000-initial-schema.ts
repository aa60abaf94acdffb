import { createMessagingTablesV1, dropMessagingTablesV1 } from '@hashproof/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTablesV1(queryRunner, 'payouts');
    await queryRunner.query(`
      CREATE TABLE "payouts"."settlements" (
        "rental_id" uuid PRIMARY KEY,
        "provider_id" uuid NOT NULL,
        "renter_id" uuid NOT NULL,
        "contract_value_minor" bigint NOT NULL CHECK ("contract_value_minor" >= 0),
        "currency" char(3) NOT NULL,
        "period_starts_at" timestamptz NOT NULL,
        "period_ends_at" timestamptz NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('open')),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payouts"."settlements"`);
    await dropMessagingTablesV1(queryRunner, 'payouts');
  }
}
