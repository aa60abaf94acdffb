import { type EventContract, type EventEnvelope, InvalidEventError } from '@hashproof/events';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { DeadLetter, DeadLetterPublisher, UndeliverableMessage } from './dead-letter-publisher';
import type { PartitionOffsets } from './partition-offsets';

/** Consecutive messages of one partition, in offset order. */
export interface MessageBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly UndeliverableMessage[];
}

/** An event that is valid but can never be applied (e.g. it refers to something that cannot exist). */
export interface RejectedEvent<E> {
  readonly event: E;
  readonly reason: string;
}

type EventsOf<K extends z.ZodType, V extends z.ZodType> = EventEnvelope<z.output<K>, z.output<V>>;

/** Applies a batch's events in the transaction given; returns those it could never apply, which are dead-lettered. */
export type BatchEventHandler<K extends z.ZodType, V extends z.ZodType> = (
  events: readonly EventsOf<K, V>[],
  transaction: EntityManager,
) => Promise<readonly RejectedEvent<EventsOf<K, V>>[]>;

export interface BatchOutcome {
  readonly applied: number;
  readonly duplicates: number;
  readonly deadLettered: number;
  /** The partition's stored next offset after the batch: beyond the batch when the database was ahead of it. */
  readonly nextOffset: bigint;
}

/**
 * Applies a partition's batch in one transaction, together with the partition's next offset: a crash before
 * the commit applies nothing and stores nothing, so the batch comes again; messages below the stored offset
 * (a redelivery, a rewind, a replay) are skipped. Invalid events and those the handler rejects go to the
 * dead-letter topic and count as consumed; any other error rolls the whole batch back and is thrown, for the
 * batch to be redelivered.
 */
export class BatchTransactionalConsumer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: Pick<DeadLetterPublisher, 'publishAll'>,
    private readonly offsets: Pick<PartitionOffsets, 'lock' | 'store'>,
  ) {}

  async consume<K extends z.ZodType, V extends z.ZodType>(
    contract: EventContract<K, V>,
    batch: MessageBatch,
    handler: BatchEventHandler<K, V>,
  ): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (transaction) => {
      const stored = await this.offsets.lock(transaction, batch.topic, batch.partition);
      const fresh = batch.messages.filter((message) => BigInt(message.offset) >= stored);
      const last = fresh.at(-1);
      if (!last) return { applied: 0, duplicates: batch.messages.length, deadLettered: 0, nextOffset: stored };
      const { events, letters } = decode(contract, fresh);
      const rejected = events.size > 0 ? await handler([...events.keys()], transaction) : [];
      for (const { event, reason } of rejected) {
        const message = events.get(event);
        if (!message) throw new Error(`the ${batch.topic} handler rejected an event it was not given`);
        letters.push({ message, reason });
      }
      // Sent before the offset commits: a crash in between sends the letters again rather than losing them.
      await this.deadLetters.publishAll(letters.sort((a, b) => compareOffsets(a.message, b.message)));
      const nextOffset = BigInt(last.offset) + 1n;
      await this.offsets.store(transaction, batch.topic, batch.partition, nextOffset);
      return {
        applied: events.size - rejected.length,
        duplicates: batch.messages.length - fresh.length,
        deadLettered: letters.length,
        nextOffset,
      };
    });
  }
}

function decode<K extends z.ZodType, V extends z.ZodType>(
  contract: EventContract<K, V>,
  messages: readonly UndeliverableMessage[],
): { events: Map<EventsOf<K, V>, UndeliverableMessage>; letters: DeadLetter[] } {
  const events = new Map<EventsOf<K, V>, UndeliverableMessage>();
  const letters: DeadLetter[] = [];
  for (const message of messages) {
    try {
      events.set(contract.deserialize(message.value), message);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      letters.push({ message, reason: error.message });
    }
  }
  return { events, letters };
}

function compareOffsets(a: UndeliverableMessage, b: UndeliverableMessage): number {
  const difference = BigInt(a.offset) - BigInt(b.offset);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
