import { type KafkaOptions, Transport } from '@nestjs/microservices';
import { logLevel, Partitioners } from 'kafkajs';
import { kafkaClientConfig, type KafkaSettings } from './kafka-settings';

/**
 * Options for the Nest Kafka transport of a service. The consumer group is the service name (Nest's
 * "-server" suffix is switched off so the group name is what operators see). Messages stay binary:
 * our event contracts validate them, so a malformed one can be dead-lettered rather than half-parsed.
 */
export function kafkaMicroserviceOptions(settings: KafkaSettings, service: string): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { ...kafkaClientConfig(settings, `${service}-consumer`), logLevel: logLevel.WARN },
      consumer: {
        groupId: settings.KAFKA_CONSUMER_GROUP ?? service,
        sessionTimeout: settings.KAFKA_SESSION_TIMEOUT_MS ?? 30_000,
        heartbeatInterval: 3_000,
        allowAutoTopicCreation: false,
        retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 10, restartOnFailure: async () => true },
      },
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true, partitionsConsumedConcurrently: 3 },
      parser: { keepBinary: true },
    },
  };
}
