import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log-creator';
import { kafkaClientConfig, type KafkaSettings } from './kafka-settings';

/**
 * An idempotent producer that waits for all in-sync replicas: no duplicates from its own retries, no silent
 * loss. Keys are partitioned with murmur2 like the Java client, so every client puts an entity on one partition.
 */
export function createEventProducer(settings: KafkaSettings, service: string): Producer {
  const kafka = new Kafka({
    ...kafkaClientConfig(settings, `${service}-producer`),
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
  });
  return kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
}
