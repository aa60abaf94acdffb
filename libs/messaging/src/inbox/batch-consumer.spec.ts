import type { KafkaMessage } from 'kafkajs';
import { type ChunkedBatchPayload, consumeInChunks } from './batch-consumer';
import type { BatchOutcome, MessageBatch } from './batch-transactional-consumer';

const message = (offset: number): KafkaMessage => ({
  key: Buffer.from('key'),
  value: Buffer.from(`value ${offset}`),
  offset: String(offset),
  timestamp: '0',
  attributes: 0,
  headers: {},
});

/**
 * A fetched batch of offsets [first, first + count) from a partition ending at `end` (by default right after it),
 * and a log of what was done with it, in order.
 */
function fetched(first: number, count: number, state: { running?: () => boolean; end?: number } = {}) {
  const log: string[] = [];
  const payload = {
    batch: {
      topic: 'evidence.v1',
      partition: 4,
      highWatermark: String(state.end ?? first + count),
      messages: Array.from({ length: count }, (_, i) => message(first + i)),
    },
    resolveOffset: (offset: string) => log.push(`resolve ${offset}`),
    commitOffsetsIfNecessary: async () => {
      log.push('commit');
    },
    heartbeat: async () => {
      log.push('heartbeat');
    },
    isRunning: state.running ?? (() => true),
    isStale: () => false,
  } as unknown as ChunkedBatchPayload;
  return { payload, log };
}

/** Applies every chunk as fresh unless the database is told to be further on. */
function database(storedNextOffset = 0n) {
  const chunks: MessageBatch[] = [];
  const seeks: string[] = [];
  const target = {
    apply: async (batch: MessageBatch): Promise<BatchOutcome> => {
      chunks.push(batch);
      const next = BigInt(batch.messages.at(-1)?.offset ?? '0') + 1n;
      return {
        applied: batch.messages.length,
        duplicates: 0,
        deadLettered: 0,
        nextOffset: next > storedNextOffset ? next : storedNextOffset,
      };
    },
    seek: (offset: string) => seeks.push(offset),
  };
  return { target, chunks, seeks };
}

describe('consumeInChunks', () => {
  it('applies a large batch in bounded chunks, resolving and committing each only once it is applied', async () => {
    const { payload, log } = fetched(100, 5);
    const { target, chunks } = database();
    const applied = target.apply;
    target.apply = async (batch) => {
      log.push(`apply ${batch.messages[0]?.offset}..${batch.messages.at(-1)?.offset}`);
      return applied(batch);
    };

    await consumeInChunks(payload, 2, target);

    expect(chunks.map((chunk) => chunk.messages.map((m) => m.offset))).toEqual([
      ['100', '101'],
      ['102', '103'],
      ['104'],
    ]);
    expect(chunks[0]?.messages[0]).toEqual({
      topic: 'evidence.v1',
      partition: 4,
      offset: '100',
      key: Buffer.from('key'),
      value: Buffer.from('value 100'),
    });
    expect(log).toEqual([
      ...['apply 100..101', 'resolve 101', 'commit', 'heartbeat'],
      ...['apply 102..103', 'resolve 103', 'commit', 'heartbeat'],
      ...['apply 104..104', 'resolve 104', 'commit', 'heartbeat'],
    ]);
  });

  it('stops between chunks once the consumer is stopping, leaving the rest unresolved to be fetched again', async () => {
    let running = true;
    const { payload, log } = fetched(0, 6, { running: () => running });
    const { target, chunks } = database();
    const applied = target.apply;
    target.apply = async (batch) => {
      running = false;
      return applied(batch);
    };

    await consumeInChunks(payload, 2, target);

    expect(chunks).toHaveLength(1);
    expect(log).toEqual(['resolve 1', 'commit', 'heartbeat']);
  });

  it('seeks to the stored offset, without resolving, when the database is past the whole chunk', async () => {
    const { payload, log } = fetched(0, 6, { end: 80_000 });
    const { target, chunks, seeks } = database(50_000n);

    await consumeInChunks(payload, 2, target);

    expect(chunks).toHaveLength(1);
    expect(seeks).toEqual(['50000']);
    expect(log).toEqual([]);
  });

  it('seeks no further than the end of the partition when the database is ahead of it (a recreated topic)', async () => {
    const { payload, log } = fetched(0, 6, { end: 9 });
    const { target, seeks } = database(50_000n);

    await consumeInChunks(payload, 2, target);

    expect(seeks).toEqual(['9']);
    expect(log).toEqual([]);
  });

  it('goes on normally when the stored offset is within the chunk or right after it', async () => {
    const { payload, log } = fetched(0, 4);
    const { target, seeks } = database(2n);

    await consumeInChunks(payload, 2, target);

    expect(seeks).toEqual([]);
    expect(log.filter((line) => line.startsWith('resolve'))).toEqual(['resolve 1', 'resolve 3']);
  });

  it('resolves nothing of a chunk whose transaction failed, and lets the error through for a retry', async () => {
    const { payload, log } = fetched(0, 4);
    const { target } = database();
    target.apply = async () => {
      throw new Error('connection reset');
    };

    await expect(consumeInChunks(payload, 2, target)).rejects.toThrow('connection reset');
    expect(log).toEqual([]);
  });
});
