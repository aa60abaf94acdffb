import { randomUUID } from 'node:crypto';
import { defineEvent } from '@hashproof/events';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { BatchTransactionalConsumer, type MessageBatch } from './batch-transactional-consumer';
import type { DeadLetter } from './dead-letter-publisher';

const counted = defineEvent({
  topic: 'counted.v1',
  partitions: 1,
  retentionMs: 1,
  key: z.object({ id: z.string() }),
  value: z.object({ amount: z.number().int() }),
  partitionKey: (key) => key.id,
});

const metadata = () => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  correlationId: 'spec',
  causationId: null,
  producer: 'spec',
});

const valid = (offset: number, amount: number, id = 'a') => ({
  topic: counted.topic,
  partition: 0,
  offset: String(offset),
  key: id,
  value: counted.serialize(metadata(), { id }, { amount }).value,
});

const invalid = (offset: number) => ({
  topic: counted.topic,
  partition: 0,
  offset: String(offset),
  key: 'a',
  value: '{}',
});

const batchOf = (...messages: MessageBatch['messages']): MessageBatch => ({
  topic: counted.topic,
  partition: 0,
  messages,
});

/**
 * A database of one stored offset and one total, with transactions: what a transaction wrote is kept only
 * if it commits. `events` records, in order, what reached the outside world (dead letters) and what committed.
 */
function world(storedNextOffset = 0n) {
  const state = { nextOffset: storedNextOffset, total: 0 };
  const events: string[] = [];
  const letters: DeadLetter[] = [];
  let failLetters = false;
  let pending: { nextOffset: bigint; total: number } | null = null;
  const dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      pending = { ...state };
      try {
        const result = await work({} as EntityManager);
        Object.assign(state, pending);
        events.push('commit');
        return result;
      } finally {
        pending = null;
      }
    },
  } as unknown as DataSource;
  const inTransaction = () => {
    if (!pending) throw new Error('outside a transaction');
    return pending;
  };
  const consumer = new BatchTransactionalConsumer(
    dataSource,
    {
      publishAll: async (sent) => {
        if (failLetters) throw new Error('broker unavailable');
        letters.push(...sent);
        if (sent.length > 0) events.push(`letters ${sent.map((letter) => letter.message.offset).join(',')}`);
      },
    },
    {
      lock: async () => inTransaction().nextOffset,
      store: async (_transaction, _topic, _partition, nextOffset) => {
        inTransaction().nextOffset = nextOffset;
        events.push(`store ${nextOffset}`);
      },
    },
  );
  const add = (amounts: readonly { value: { amount: number } }[]) => {
    inTransaction().total += amounts.reduce((sum, event) => sum + event.value.amount, 0);
  };
  return {
    state,
    events,
    letters,
    consumer,
    add,
    failLetters: () => {
      failLetters = true;
    },
  };
}

describe('BatchTransactionalConsumer', () => {
  it('applies a batch and stores the offset after it, in one transaction', async () => {
    const { consumer, state, events, add } = world(10n);
    const outcome = await consumer.consume(counted, batchOf(valid(10, 1), valid(11, 2), valid(12, 4)), async (e) => {
      add(e);
      return [];
    });
    expect(outcome).toEqual({ applied: 3, duplicates: 0, deadLettered: 0, nextOffset: 13n });
    expect(state).toEqual({ nextOffset: 13n, total: 7 });
    expect(events).toEqual(['store 13', 'commit']);
  });

  it('skips the messages below the stored offset and hands the rest over in order', async () => {
    const { consumer, state, add } = world(12n);
    const seen: number[] = [];
    const outcome = await consumer.consume(
      counted,
      batchOf(valid(10, 1), valid(11, 2), valid(12, 4), valid(13, 8)),
      async (e) => {
        seen.push(...e.map((event) => event.value.amount));
        add(e);
        return [];
      },
    );
    expect(seen).toEqual([4, 8]);
    expect(outcome).toEqual({ applied: 2, duplicates: 2, deadLettered: 0, nextOffset: 14n });
    expect(state).toEqual({ nextOffset: 14n, total: 12 });
  });

  it('does not call the handler for a batch the database already holds, and tells where the database is', async () => {
    const { consumer, state } = world(500n);
    const handler = jest.fn();
    const outcome = await consumer.consume(counted, batchOf(valid(10, 1), valid(11, 2)), handler);
    expect(handler).not.toHaveBeenCalled();
    expect(outcome).toEqual({ applied: 0, duplicates: 2, deadLettered: 0, nextOffset: 500n });
    expect(state.nextOffset).toBe(500n);
  });

  it('dead-letters invalid and rejected events, in offset order, before the offset is stored', async () => {
    const { consumer, state, events, letters, add } = world();
    const outcome = await consumer.consume(
      counted,
      batchOf(valid(0, 1), invalid(1), valid(2, 2, 'unknown'), valid(3, 4)),
      async (e) => {
        const known = e.filter((event) => event.key.id !== 'unknown');
        add(known);
        return e.filter((event) => event.key.id === 'unknown').map((event) => ({ event, reason: 'no such id' }));
      },
    );
    expect(outcome).toEqual({ applied: 2, duplicates: 0, deadLettered: 2, nextOffset: 4n });
    expect(state).toEqual({ nextOffset: 4n, total: 5 });
    expect(letters.map((letter) => [letter.message.offset, letter.reason.split(':')[0]])).toEqual([
      ['1', 'invalid counted.v1 event'],
      ['2', 'no such id'],
    ]);
    expect(events).toEqual(['letters 1,2', 'store 4', 'commit']);
  });

  it('applies and stores nothing when the handler fails, so the whole batch comes again', async () => {
    const { consumer, state, events, add } = world(3n);
    await expect(
      consumer.consume(counted, batchOf(valid(3, 1), valid(4, 2)), async (e) => {
        add(e);
        throw new Error('connection reset');
      }),
    ).rejects.toThrow('connection reset');
    expect(state).toEqual({ nextOffset: 3n, total: 0 });
    expect(events).toEqual([]);
  });

  it('applies and stores nothing when the dead letters cannot be sent', async () => {
    const { consumer, state, failLetters, add } = world();
    failLetters();
    await expect(
      consumer.consume(counted, batchOf(valid(0, 1), invalid(1)), async (e) => {
        add(e);
        return [];
      }),
    ).rejects.toThrow('broker unavailable');
    expect(state).toEqual({ nextOffset: 0n, total: 0 });
  });
});
