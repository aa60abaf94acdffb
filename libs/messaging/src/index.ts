export { causedBy, type EventCause, originatingFrom } from './event-cause';
export { BatchConsumer, type BatchRoute, batchRoute } from './inbox/batch-consumer';
export { BatchConsumers } from './inbox/batch-consumers';
export {
  type BatchEventHandler,
  type BatchOutcome,
  BatchTransactionalConsumer,
  type MessageBatch,
  type RejectedEvent,
} from './inbox/batch-transactional-consumer';
export { ConsumerGroupProgress, type PartitionProgress } from './inbox/consumer-group-progress';
export { type DeadLetter, DeadLetterPublisher, type UndeliverableMessage } from './inbox/dead-letter-publisher';
export { kafkaMessageOf } from './inbox/kafka-message-of';
export { PartitionOffsets } from './inbox/partition-offsets';
export { PermanentFailureError } from './inbox/permanent-failure.error';
export { ProcessedEventsGuard, type RedeliveryGuard } from './inbox/redelivery-guard';
export { type ConsumeOutcome, type EventHandler, TransactionalConsumer } from './inbox/transactional-consumer';
export { createEventProducer } from './kafka/create-event-producer';
export { kafkaLogCreator } from './kafka/kafka-log-creator';
export { kafkaMicroserviceOptions } from './kafka/kafka-microservice-options';
export { kafkaClientConfig, type KafkaSettings } from './kafka/kafka-settings';
export { KafkaHealthIndicator } from './kafka-health.indicator';
export type { MessagingOptions } from './messaging-options';
export { MessagingModule } from './messaging.module';
export { EVENT_PRODUCER, IDEMPOTENT_CONSUMER } from './messaging.tokens';
export { Outbox } from './outbox/outbox';
export { OutboxRelay } from './outbox/outbox-relay';
export { provisionTopics, type ProvisioningReport } from './provisioning/provision-topics';
export {
  createConsumedOffsetsTableV1,
  createMessagingTablesV1,
  dropMessagingTablesV1,
} from './schema/messaging-tables';
