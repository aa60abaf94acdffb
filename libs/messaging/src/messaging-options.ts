import type { KafkaSettings } from './kafka/kafka-settings';

export interface MessagingOptions {
  /** The service name: producer of its events, consumer group, dead-letter origin. */
  readonly service: string;
  readonly kafka: KafkaSettings;
  readonly outboxPollIntervalMs: number;
}
