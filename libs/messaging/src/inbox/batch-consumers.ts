import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { MessagingOptions } from '../messaging-options';
import { BatchConsumer, type BatchRoute } from './batch-consumer';
import { BatchTransactionalConsumer } from './batch-transactional-consumer';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { PartitionOffsets } from './partition-offsets';

/** One transaction per chunk stays short (well under a heartbeat) and its statements few per message. */
const maxBatchMessages = 2_000;
const partitionsConsumedConcurrently = 3;

/** Builds the service's batch consumers; each runs once started and until stopped by its owner. */
export class BatchConsumers {
  constructor(
    private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
  ) {}

  /**
   * A consumer in a group of its own, `<the service's group>.<name>`. Its stored offsets are the service's
   * (consumer name = service, as for the per-message consumers before it), so moving a topic from Nest's
   * consumer to a batch consumer neither loses nor re-applies anything.
   */
  create(name: string, routes: readonly BatchRoute[]): BatchConsumer {
    const { service, kafka } = this.options;
    const groupId = `${kafka.KAFKA_CONSUMER_GROUP ?? service}.${name}`;
    const transactional = new BatchTransactionalConsumer(
      this.dataSource,
      new DeadLetterPublisher(this.producer, groupId),
      new PartitionOffsets(service),
    );
    return new BatchConsumer(
      kafka,
      { clientId: `${service}-${name}-consumer`, groupId, maxBatchMessages, partitionsConsumedConcurrently },
      routes,
      transactional,
    );
  }
}
