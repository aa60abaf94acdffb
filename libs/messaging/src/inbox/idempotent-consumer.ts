import { type EventContract, type EventEnvelope, InvalidEventError } from '@hashproof/events';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { DeadLetterPublisher, UndeliverableMessage } from './dead-letter-publisher';
import { PermanentFailureError } from './permanent-failure.error';
import { withEventLogContext } from './with-event-log-context';

export type EventHandler<K extends z.ZodType, V extends z.ZodType> = (
  event: EventEnvelope<z.output<K>, z.output<V>>,
  transaction: EntityManager,
) => Promise<void>;

export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered';

/**
 * Applies each event at most once per consumer: the processed-event record and the handler's writes
 * commit in one transaction, so a redelivery (after a crash, a rebalance or a replay) has no second effect.
 * Invalid and permanently failing events go to the dead-letter topic; any other error is thrown so that
 * the message is redelivered.
 */
export class IdempotentConsumer {
  private readonly logger = new Logger(IdempotentConsumer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly consumerName: string,
  ) {}

  async consume<K extends z.ZodType, V extends z.ZodType>(
    contract: EventContract<K, V>,
    message: UndeliverableMessage,
    handler: EventHandler<K, V>,
  ): Promise<ConsumeOutcome> {
    let event: EventEnvelope<z.output<K>, z.output<V>>;
    try {
      event = contract.deserialize(message.value);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      await this.deadLetters.publish(message, error.message);
      return 'dead-lettered';
    }
    try {
      return await withEventLogContext(event, () => this.apply(event, handler));
    } catch (error) {
      if (!(error instanceof PermanentFailureError)) throw error;
      await this.deadLetters.publish(message, error.message);
      return 'dead-lettered';
    }
  }

  private apply<K extends z.ZodType, V extends z.ZodType>(
    event: EventEnvelope<z.output<K>, z.output<V>>,
    handler: EventHandler<K, V>,
  ): Promise<ConsumeOutcome> {
    return this.dataSource.transaction(async (transaction) => {
      if (!(await this.markProcessed(transaction, event))) return 'duplicate';
      await handler(event, transaction);
      return 'applied';
    });
  }

  private async markProcessed(transaction: EntityManager, event: EventEnvelope<unknown, unknown>): Promise<boolean> {
    const inserted = await transaction.query<unknown[]>(
      `INSERT INTO "processed_events" ("consumer", "event_id", "topic") VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING "event_id"`,
      [this.consumerName, event.eventId, event.topic],
    );
    if (inserted.length === 0) this.logger.debug({ msg: 'duplicate event skipped', eventId: event.eventId });
    return inserted.length === 1;
  }
}
