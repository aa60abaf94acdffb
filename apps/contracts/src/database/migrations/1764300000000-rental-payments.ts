import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a rental is paid: its Stripe PaymentIntent, how long it holds capacity unpaid, whether money arrived
 * after it was cancelled, and every payment event applied to it with what it did.
 */
export class RentalPayments1764300000000 implements MigrationInterface {
  name = 'RentalPayments1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "contracts"."rentals"
        ADD COLUMN "payment_intent_id" text UNIQUE,
        ADD COLUMN "payment_hold_expires_at" timestamptz,
        ADD COLUMN "payment_received_after_cancel" boolean NOT NULL DEFAULT false`);
    // The hold-expiry poller reads only the rentals still awaiting payment.
    await queryRunner.query(`
      CREATE INDEX "rentals_awaiting_payment" ON "contracts"."rentals" ("created_at")
        INCLUDE ("payment_hold_expires_at") WHERE "status" = 'pending_payment'`);
    await queryRunner.query(`
      CREATE TABLE "contracts"."rental_payment_events" (
        "stripe_event_id" text PRIMARY KEY,
        "rental_id" uuid NOT NULL REFERENCES "contracts"."rentals" ("id"),
        "kind" text NOT NULL CHECK ("kind" IN ('succeeded', 'failed', 'canceled')),
        "payment_intent_id" text NOT NULL,
        "amount_minor" bigint NOT NULL CHECK ("amount_minor" >= 0),
        "currency" char(3) NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "outcome" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "rental_payment_events_rental" ON "contracts"."rental_payment_events" ("rental_id", "occurred_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contracts"."rental_payment_events"`);
    await queryRunner.query(`DROP INDEX "contracts"."rentals_awaiting_payment"`);
    await queryRunner.query(`
      ALTER TABLE "contracts"."rentals"
        DROP COLUMN "payment_received_after_cancel",
        DROP COLUMN "payment_hold_expires_at",
        DROP COLUMN "payment_intent_id"`);
  }
}
