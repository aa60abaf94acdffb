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
