import { Kafka, logLevel } from 'kafkajs';

/** The broker the tests use: KAFKA_BROKERS as scripts/env.sh sets it (a worktree's own), else the local one. */
export const testKafkaBrokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

/** A plain kafkajs client for tests that inspect or inject messages on the real broker. */
export function kafkaTestClient(clientId = 'hashproof-tests'): Kafka {
  const brokers = testKafkaBrokers.split(',');
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}
