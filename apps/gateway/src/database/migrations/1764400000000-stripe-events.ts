import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stripe events received at the webhook, once each by Stripe's id, with what each was passed on as. */
export class StripeEvents1764400000000 implements MigrationInterface {
  name = 'StripeEvents1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."stripe_events" (
        "event_id" text PRIMARY KEY,
        "type" text NOT NULL,
        "livemode" boolean NOT NULL,
        "api_version" text,
        "stripe_created_at" timestamptz NOT NULL,
        "payment_intent_id" text,
        "rental_id" uuid,
        "published_topic" text,
        "published_event_id" uuid,
        "ignored_reason" text,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "stripe_events_published_or_ignored" CHECK (("published_topic" IS NULL) <> ("ignored_reason" IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "stripe_events_payment_intent" ON "gateway"."stripe_events" ("payment_intent_id", "stripe_created_at")
        WHERE "payment_intent_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."stripe_events"`);
  }
}
