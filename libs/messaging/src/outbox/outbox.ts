import { randomUUID } from 'node:crypto';
import type { EventContract } from '@hashproof/events';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { EventCause } from '../event-cause';

/**
 * Records an event in the same database transaction as the state change it describes; the relay
 * publishes it afterwards. Either both the change and the event exist, or neither does.
 */
export class Outbox {
  constructor(
    private readonly producer: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record<K extends z.ZodType, V extends z.ZodType>(
    transaction: EntityManager,
    contract: EventContract<K, V>,
    key: z.input<K>,
    value: z.input<V>,
    cause: EventCause,
  ): Promise<string> {
    if (!transaction.queryRunner?.isTransactionActive) {
      throw new Error(`the ${contract.topic} event must be recorded inside the transaction of its state change`);
    }
    const eventId = randomUUID();
    const metadata = { eventId, occurredAt: this.clock().toISOString(), producer: this.producer, ...cause };
    const message = contract.serialize(metadata, key, value);
    await transaction.query(
      'INSERT INTO "outbox_messages" ("event_id", "topic", "message_key", "payload") VALUES ($1, $2, $3, $4)',
      [eventId, contract.topic, message.key, message.value],
    );
    return eventId;
  }
}
