import type { EventContract } from '@hashproof/events';
import { type Consumer, type EachBatchPayload, Kafka, logLevel } from 'kafkajs';
import type { z } from 'zod';
import { kafkaLogCreator } from '../kafka/kafka-log-creator';
import { kafkaClientConfig, type KafkaSettings } from '../kafka/kafka-settings';
import type {
  BatchEventHandler,
  BatchOutcome,
  BatchTransactionalConsumer,
  MessageBatch,
} from './batch-transactional-consumer';

/** Where one topic's batches go. */
export interface BatchRoute {
  readonly topic: string;
  apply(consumer: BatchTransactionalConsumer, batch: MessageBatch): Promise<BatchOutcome>;
}

export function batchRoute<K extends z.ZodType, V extends z.ZodType>(
  contract: EventContract<K, V>,
  handler: BatchEventHandler<K, V>,
): BatchRoute {
  return { topic: contract.topic, apply: (consumer, batch) => consumer.consume(contract, batch, handler) };
}

export interface BatchConsumerOptions {
  readonly clientId: string;
  readonly groupId: string;
  /** Per transaction: a fetch holds up to 1 MB per partition, cut into chunks of at most this many messages. */
  readonly maxBatchMessages: number;
  readonly partitionsConsumedConcurrently: number;
}

/**
 * A kafkajs consumer that applies whole partition batches (Nest's transport hands over one message at a
 * time), each through a BatchTransactionalConsumer. It has a consumer group of its own: kafkajs' assigners
 * assume every member of a group subscribes to the same topics, so it never joins Nest's.
 */
export class BatchConsumer {
  readonly topics: readonly string[];
  private readonly consumer: Consumer;
  private readonly routes: ReadonlyMap<string, BatchRoute>;

  constructor(
    settings: KafkaSettings,
    private readonly options: BatchConsumerOptions,
    routes: readonly BatchRoute[],
    private readonly transactional: BatchTransactionalConsumer,
  ) {
    this.routes = new Map(routes.map((route) => [route.topic, route]));
    this.topics = [...this.routes.keys()];
    this.consumer = new Kafka({
      ...kafkaClientConfig(settings, options.clientId),
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
    }).consumer({
      groupId: options.groupId,
      sessionTimeout: settings.KAFKA_SESSION_TIMEOUT_MS ?? 30_000,
      heartbeatInterval: 3_000,
      // A fetch returns as soon as there is a message; this bounds how long an idle one holds up a shutdown.
      maxWaitTimeInMs: 1_000,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 10, restartOnFailure: async () => true },
    });
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** Resolves once the consumer has joined its group. */
  async start(): Promise<void> {
    await this.consumer.connect();
    // From the beginning for a new group: anything the database already holds is skipped (see consumeInChunks).
    await this.consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      // commitOffsetsIfNecessary commits only past a threshold: this one makes it commit every applied chunk.
      autoCommitThreshold: 1,
      // Resolved chunk by chunk once applied: kafkajs would resolve the whole batch, even one cut short.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) =>
        consumeInChunks(payload, this.options.maxBatchMessages, {
          apply: (batch) => this.apply(batch),
          seek: (offset) =>
            this.consumer.seek({ topic: payload.batch.topic, partition: payload.batch.partition, offset }),
        }),
    });
  }

  /** Lets the batch in flight finish its chunk, commits what was applied and leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async apply(batch: MessageBatch): Promise<BatchOutcome> {
    const route = this.routes.get(batch.topic);
    if (!route) throw new Error(`no route for ${batch.topic}`);
    return route.apply(this.transactional, batch);
  }
}

export type ChunkedBatchPayload = Pick<
  EachBatchPayload,
  'batch' | 'resolveOffset' | 'heartbeat' | 'commitOffsetsIfNecessary' | 'isRunning' | 'isStale'
>;

/**
 * Applies a fetched batch chunk by chunk; a chunk's offsets are resolved and committed only after its
 * transaction committed. Stops at a rebalance or a shutdown: what was not applied is fetched again. When the
 * database is past a whole chunk (a new consumer group, a rewound one), seeks to where the database is instead
 * of reading what it already holds; with autoCommit, kafkajs commits the offset it seeks to.
 */
export async function consumeInChunks(
  payload: ChunkedBatchPayload,
  maxMessages: number,
  target: { apply(batch: MessageBatch): Promise<BatchOutcome>; seek(offset: string): void },
): Promise<void> {
  const { topic, partition, messages } = payload.batch;
  for (let from = 0; from < messages.length; from += maxMessages) {
    if (!payload.isRunning() || payload.isStale()) return;
    const chunk = messages.slice(from, from + maxMessages);
    const last = chunk.at(-1);
    if (!last) return;
    const outcome = await target.apply({
      topic,
      partition,
      messages: chunk.map(({ offset, key, value }) => ({ topic, partition, offset, key, value })),
    });
    if (outcome.nextOffset > BigInt(last.offset) + 1n) {
      // Never past the partition's end: a database ahead of it (a recreated topic) would have kafkajs reset to
      // the beginning and come back here, again and again. What comes later is skipped by the stored offset.
      const end = BigInt(payload.batch.highWatermark);
      target.seek((outcome.nextOffset < end ? outcome.nextOffset : end).toString());
      return;
    }
    payload.resolveOffset(last.offset);
    await payload.commitOffsetsIfNecessary();
    await payload.heartbeat();
  }
}
