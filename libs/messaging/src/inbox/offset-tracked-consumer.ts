import { type EventContract, type EventEnvelope, InvalidEventError } from '@hashproof/events';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { DeadLetterPublisher, UndeliverableMessage } from './dead-letter-publisher';
import type { ConsumeOutcome, EventHandler } from './idempotent-consumer';
import { PermanentFailureError } from './permanent-failure.error';
import { withEventLogContext } from './with-event-log-context';

/**
 * Exactly-once effect for high-volume streams without a row per event: the next offset of each partition
 * is stored in the same transaction as the handler's writes, and anything below it is a redelivery.
 * Only for topics whose producer never re-sends an event under a new offset (an idempotent producer).
 */
export class OffsetTrackedConsumer {
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
      return this.deadLetter(message, error.message);
    }
    try {
      return await this.dataSource.transaction(async (transaction) => {
        if (!(await this.claimOffset(transaction, message))) return 'duplicate';
        await withEventLogContext(event, () => handler(event, transaction));
        return 'applied';
      });
    } catch (error) {
      if (!(error instanceof PermanentFailureError)) throw error;
      return this.deadLetter(message, error.message);
    }
  }

  /** Published before the offset moves on: a crash in between re-sends the letter rather than losing it. */
  private async deadLetter(message: UndeliverableMessage, reason: string): Promise<ConsumeOutcome> {
    await this.deadLetters.publish(message, reason);
    await this.dataSource.transaction((transaction) => this.claimOffset(transaction, message));
    return 'dead-lettered';
  }

  private async claimOffset(transaction: EntityManager, message: UndeliverableMessage): Promise<boolean> {
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
