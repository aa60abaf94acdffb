import type { KafkaConfig, SASLOptions } from 'kafkajs';

/** The subset of a service's validated config that describes how to reach Kafka. */
export interface KafkaSettings {
  readonly KAFKA_BROKERS: readonly string[];
  readonly KAFKA_SSL: boolean;
  readonly KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512' | undefined;
  readonly KAFKA_SASL_USERNAME?: string | undefined;
  readonly KAFKA_SASL_PASSWORD?: string | undefined;
  readonly KAFKA_CONSUMER_GROUP?: string | undefined;
  readonly KAFKA_SESSION_TIMEOUT_MS?: number | undefined;
}

/**
 * Client settings shared by every producer, consumer and admin of a service. Retries are unbounded in
 * time but capped per attempt, so a broker outage is ridden out rather than crashing the service.
 */
export function kafkaClientConfig(settings: KafkaSettings, clientId: string): KafkaConfig {
  const sasl =
    settings.KAFKA_SASL_MECHANISM && settings.KAFKA_SASL_USERNAME && settings.KAFKA_SASL_PASSWORD
      ? ({
          mechanism: settings.KAFKA_SASL_MECHANISM,
          username: settings.KAFKA_SASL_USERNAME,
          password: settings.KAFKA_SASL_PASSWORD,
        } as SASLOptions)
      : undefined;
  return {
    clientId,
    brokers: [...settings.KAFKA_BROKERS],
    ssl: settings.KAFKA_SSL,
    ...(sasl ? { sasl } : {}),
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 8 },
  };
}
