import {
  consumerGroupAtTopicEnds,
  freePort,
  ServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@hashproof/testing';

/**
 * The built verifier as a process on the test database, allowed to reach dev pools on loopback, with quick pool
 * checks. Its stable consumer group starts at the topic ends: a fresh group would re-read every event other suites
 * ever published, and the gateway's suites need none of them.
 */
export async function startPoolCheckingVerifier(consumerGroup: string): Promise<ServiceProcess> {
  await consumerGroupAtTopicEnds(consumerGroup);
  const verifier = new ServiceProcess(
    'hashrate-verifier',
    {
      DATABASE_URL: testDatabaseUrl('verifier'),
      KAFKA_BROKERS: testKafkaBrokers,
      KAFKA_CONSUMER_GROUP: consumerGroup,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
      STRATUM_PORT: String(await freePort()),
      POOL_CHECK_TIMEOUT_MS: '5000',
      POOL_CHECK_ALLOW_PRIVATE_ADDRESSES: 'true',
    },
    await freePort(),
  );
  await verifier.start();
  return verifier;
}
