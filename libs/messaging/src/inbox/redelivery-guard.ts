import type { EventEnvelope } from '@hashproof/events';
import type { EntityManager } from 'typeorm';
import type { UndeliverableMessage } from './dead-letter-publisher';

/** Recognises a redelivered message inside the handler's transaction, and records this delivery. */
export interface RedeliveryGuard {
  /** True the first time; false for a message already applied. Its write commits with the handler's. */
  claim(
    transaction: EntityManager,
    message: UndeliverableMessage,
    event: EventEnvelope<unknown, unknown> | null,
  ): Promise<boolean>;
}

/** One row per applied event, keyed by (consumer, eventId): replays under any offset are caught. */
export class ProcessedEventsGuard implements RedeliveryGuard {
  constructor(private readonly consumerName: string) {}

  async claim(
    transaction: EntityManager,
    _message: UndeliverableMessage,
    event: EventEnvelope<unknown, unknown> | null,
  ) {
    if (event === null) return true;
    const inserted = await transaction.query<unknown[]>(
      `INSERT INTO "processed_events" ("consumer", "event_id", "topic") VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING "event_id"`,
      [this.consumerName, event.eventId, event.topic],
    );
    return inserted.length === 1;
  }
}

/**
 * The next offset of each partition, stored with the handler's writes: no row per event, for
 * high-volume streams whose producer never re-sends an event under a new offset (an idempotent producer).
 */
export class PartitionOffsetsGuard implements RedeliveryGuard {
  constructor(private readonly consumerName: string) {}

  async claim(transaction: EntityManager, message: UndeliverableMessage) {
    const claimed = await transaction.query<unknown[]>(
      `INSERT INTO "consumed_offsets" ("consumer", "topic", "partition", "next_offset") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("consumer", "topic", "partition") DO UPDATE SET "next_offset" = EXCLUDED."next_offset"
       WHERE "consumed_offsets"."next_offset" < EXCLUDED."next_offset"
       RETURNING "next_offset"`,
      [this.consumerName, message.topic, message.partition, (BigInt(message.offset) + 1n).toString()],
    );
    return claimed.length === 1;
  }
}
