import type { QueryRunner } from 'typeorm';

/**
 * The outbox and processed-event tables, first version. Each service's initial migration calls this
 * for its own schema; later changes go into new migrations, never into this function.
 */
export async function createMessagingTablesV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."outbox_messages" (
      "id" bigserial PRIMARY KEY,
      "event_id" uuid NOT NULL UNIQUE,
      "topic" text NOT NULL,
      "message_key" text NOT NULL,
      "payload" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz
    )`);
  await queryRunner.query(
    `CREATE INDEX "outbox_messages_unpublished" ON "${schema}"."outbox_messages" ("id") WHERE "published_at" IS NULL`,
  );
  await queryRunner.query(`
    CREATE TABLE "${schema}"."processed_events" (
      "consumer" text NOT NULL,
      "event_id" uuid NOT NULL,
      "topic" text NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("consumer", "event_id")
    )`);
}

export async function dropMessagingTablesV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."processed_events"`);
  await queryRunner.query(`DROP TABLE "${schema}"."outbox_messages"`);
}

/** Per-partition progress of a consumer that stores its offsets (PartitionOffsets), in the consuming service's own schema. */
export async function createConsumedOffsetsTableV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."consumed_offsets" (
      "consumer" text NOT NULL,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "next_offset" bigint NOT NULL,
      PRIMARY KEY ("consumer", "topic", "partition")
    )`);
}
