import { Kafka, logLevel } from 'kafkajs';

/** A plain kafkajs client for tests that inspect or inject messages on the real broker. */
export function kafkaTestClient(clientId = 'hashproof-tests'): Kafka {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}
