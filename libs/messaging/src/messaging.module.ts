import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { BatchConsumers } from './inbox/batch-consumers';
import { ConsumerGroupProgress } from './inbox/consumer-group-progress';
import { DeadLetterPublisher } from './inbox/dead-letter-publisher';
import { ProcessedEventsGuard } from './inbox/redelivery-guard';
import { TransactionalConsumer } from './inbox/transactional-consumer';
import { createEventProducer } from './kafka/create-event-producer';
import { kafkaLogCreator } from './kafka/kafka-log-creator';
import { kafkaClientConfig } from './kafka/kafka-settings';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { MessagingLifecycle } from './messaging-lifecycle';
import type { MessagingOptions } from './messaging-options';
import { EVENT_PRODUCER, IDEMPOTENT_CONSUMER, KAFKA_ADMIN, MESSAGING_OPTIONS } from './messaging.tokens';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';

/** Outbox, relay, idempotent consumption and dead letters for one service, on its own DataSource. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: EVENT_PRODUCER, useFactory: () => createEventProducer(options.kafka, options.service) },
        {
          provide: KAFKA_ADMIN,
          useFactory: () =>
            new Kafka({
              ...kafkaClientConfig(options.kafka, `${options.service}-health`),
              retry: { retries: 0 },
              logLevel: logLevel.NOTHING,
              logCreator: kafkaLogCreator,
            }).admin(),
        },
        { provide: Outbox, useValue: new Outbox(options.service) },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken(), EVENT_PRODUCER],
          useFactory: (dataSource: DataSource, producer: Producer) =>
            new OutboxRelay(dataSource, producer, `${options.service}.outbox`, {
              pollIntervalMs: options.outboxPollIntervalMs,
            }),
        },
        {
          provide: DeadLetterPublisher,
          inject: [EVENT_PRODUCER],
          useFactory: (producer: Producer) =>
            new DeadLetterPublisher(producer, options.kafka.KAFKA_CONSUMER_GROUP ?? options.service),
        },
        {
          provide: IDEMPOTENT_CONSUMER,
          inject: [getDataSourceToken(), DeadLetterPublisher],
          useFactory: (dataSource: DataSource, deadLetters: DeadLetterPublisher) =>
            new TransactionalConsumer(dataSource, deadLetters, new ProcessedEventsGuard(options.service)),
        },
        {
          provide: BatchConsumers,
          inject: [getDataSourceToken(), EVENT_PRODUCER],
          useFactory: (dataSource: DataSource, producer: Producer) => new BatchConsumers(options, dataSource, producer),
        },
        {
          provide: ConsumerGroupProgress,
          inject: [KAFKA_ADMIN],
          useFactory: (admin: Admin) => new ConsumerGroupProgress(admin),
        },
        KafkaHealthIndicator,
        MessagingLifecycle,
      ],
      exports: [
        Outbox,
        OutboxRelay,
        IDEMPOTENT_CONSUMER,
        DeadLetterPublisher,
        BatchConsumers,
        ConsumerGroupProgress,
        KafkaHealthIndicator,
        EVENT_PRODUCER,
      ],
    };
  }
}
