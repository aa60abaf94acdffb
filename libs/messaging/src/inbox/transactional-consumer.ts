import { type EventContract, type EventEnvelope, InvalidEventError } from '@hashproof/events';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { DeadLetterPublisher, UndeliverableMessage } from './dead-letter-publisher';
import { PermanentFailureError } from './permanent-failure.error';
import type { RedeliveryGuard } from './redelivery-guard';
import { withEventLogContext } from './with-event-log-context';

export type EventHandler<K extends z.ZodType, V extends z.ZodType> = (
  event: EventEnvelope<z.output<K>, z.output<V>>,
  transaction: EntityManager,
) => Promise<void>;

export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered';

/**
 * Applies each message at most once: the guard's record and the handler's writes commit in one
 * transaction, so a redelivery (after a crash, a rebalance or a replay) has no second effect.
 * Invalid and permanently failing events go to the dead-letter topic; any other error is thrown so that
 * the message is redelivered.
 */
export class TransactionalConsumer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly guard: RedeliveryGuard,
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
      return this.deadLetter(message, null, error.message);
    }
    try {
      return await this.dataSource.transaction(async (transaction) => {
        if (!(await this.guard.claim(transaction, message, event))) return 'duplicate';
        await withEventLogContext(event, () => handler(event, transaction));
        return 'applied';
      });
    } catch (error) {
      if (!(error instanceof PermanentFailureError)) throw error;
      return this.deadLetter(message, event, error.message);
    }
  }

  /** Published before the guard records it: a crash in between re-sends the letter rather than losing it. */
  private async deadLetter(
    message: UndeliverableMessage,
    event: EventEnvelope<unknown, unknown> | null,
    reason: string,
  ): Promise<ConsumeOutcome> {
    await this.deadLetters.publish(message, reason);
    await this.dataSource.transaction((transaction) => this.guard.claim(transaction, message, event));
    return 'dead-lettered';
  }
}
