import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { topicCatalog } from '@hashproof/events';
import { provisionTopics } from '@hashproof/messaging';
import {
  consumerGroupAtTopicEnds,
  freePort,
  kafkaTestClient,
  ServiceProcess,
  startDevPool,
  startStripeStandIn,
  type StripeStandInProcess,
  stopProcess,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@hashproof/testing';

/**
 * Stable consumer groups, each moved to the topic ends before its service starts: the local broker keeps every
 * earlier run's events, and replaying them would only delay this run's. The verifier applies the evidence
 * topics in a group of its own, `<its group>.evidence`.
 */
const groups = {
  gateway: 'gateway-marketplace-journey-it',
  contracts: 'contracts-marketplace-journey-it',
  verifier: 'hashrate-verifier-marketplace-journey-it',
  evidence: 'hashrate-verifier-marketplace-journey-it.evidence',
};

export interface MarketplaceSettings {
  /** Rigs' difficulty at both dev pools, fixed so the verifier's vardiff never moves a rig off it. */
  readonly poolDifficulty: string;
  readonly capacityCheckMinSeconds: number;
  readonly deliveryWindowSeconds: number;
  readonly deliveryWindowGraceSeconds: number;
  readonly stratumTargetSharesPerMinute: number;
}

/** Everything a customer, Stripe and a rig talk to: the public API, the stand-in's controls, the stratum endpoint. */
export interface Marketplace {
  readonly apiUrl: string;
  readonly standIn: StripeStandInProcess;
  /** The verifier's endpoint, as the gateway hands it out (STRATUM_PUBLIC_URL). */
  readonly stratumUrl: string;
  /** A dev pool the provider's capacity check relays to. */
  readonly checkPoolUrl: string;
  /** A dev pool of the renter's, where the rented hash rate goes. */
  readonly renterPoolUrl: string;
  readonly stripeSecretKey: string;
  /** What the services logged, for a failing test to show. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts the marketplace as real processes from dist/ (run `npm run build` first) on the test database and the
 * local broker: the Stripe stand-in with its webhooks signed for the gateway, two dev pools, contracts, the
 * hashrate verifier and the gateway.
 */
export async function startMarketplace(settings: MarketplaceSettings): Promise<Marketplace> {
  const started: { services: ServiceProcess[]; pools: ChildProcess[]; standIn?: StripeStandInProcess } = {
    services: [],
    pools: [],
  };
  const stop = async () => {
    // The gateway first: it calls the others.
    for (const service of [...started.services].reverse()) await service.stop();
    await Promise.all(started.pools.map((pool) => stopProcess(pool)));
    await started.standIn?.stop();
  };
  const logs = () =>
    [...started.services.map((service) => service.output.join('')), ...(started.standIn?.output ?? [])].join('\n');
  try {
    return await start(settings, started, stop, logs);
  } catch (error) {
    await stop();
    throw new Error(`the marketplace did not start: ${String(error)}\n${logs()}`);
  }
}

async function start(
  settings: MarketplaceSettings,
  started: { services: ServiceProcess[]; pools: ChildProcess[]; standIn?: StripeStandInProcess },
  stop: () => Promise<void>,
  logs: () => string,
): Promise<Marketplace> {
  const admin = kafkaTestClient(`marketplace-journey-setup-${randomBytes(4).toString('hex')}`).admin();
  await admin.connect();
  await provisionTopics(admin, topicCatalog).finally(() => admin.disconnect());
  await Promise.all(Object.values(groups).map((group) => consumerGroupAtTopicEnds(group)));

  const poolArgs = [
    ...['--start-difficulty', settings.poolDifficulty],
    ...['--min-difficulty', settings.poolDifficulty, '--max-difficulty', settings.poolDifficulty],
    // No new block during the run: a share racing a clean_jobs notify would be a legitimate stale.
    ...['--job-interval-ms', '600000'],
  ];
  const [checkPoolPort, renterPoolPort, stratumPort, gatewayPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  started.pools.push(
    ...(await Promise.all([checkPoolPort, renterPoolPort].map((port) => startDevPool(port, poolArgs)))),
  );

  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  const standIn = await startStripeStandIn({
    webhookUrl: `http://127.0.0.1:${gatewayPort}/v1/webhooks/stripe`,
    webhookSecret,
  });
  started.standIn = standIn;

  const stratumUrl = `stratum+tcp://127.0.0.1:${stratumPort}`;
  const stripeSecretKey = `sk_test_marketplaceJourney${randomBytes(4).toString('hex')}`;
  const common = { KAFKA_BROKERS: testKafkaBrokers, KAFKA_SESSION_TIMEOUT_MS: '6000', OUTBOX_POLL_INTERVAL_MS: '100' };
  const contracts = new ServiceProcess(
    'contracts',
    {
      ...common,
      DATABASE_URL: testDatabaseUrl('contracts'),
      KAFKA_CONSUMER_GROUP: groups.contracts,
      STRIPE_SECRET_KEY: stripeSecretKey,
      STRIPE_API_URL: standIn.url,
      LOG_LEVEL: 'warn',
    },
    await freePort(),
  );
  const verifier = new ServiceProcess(
    'hashrate-verifier',
    {
      ...common,
      DATABASE_URL: testDatabaseUrl('verifier'),
      KAFKA_CONSUMER_GROUP: groups.verifier,
      STRATUM_PORT: String(stratumPort),
      STRATUM_TARGET_SHARES_PER_MINUTE: String(settings.stratumTargetSharesPerMinute),
      DELIVERY_WINDOW_SECONDS: String(settings.deliveryWindowSeconds),
      DELIVERY_WINDOW_GRACE_SECONDS: String(settings.deliveryWindowGraceSeconds),
      POOL_CHECK_TIMEOUT_MS: '5000',
      POOL_CHECK_ALLOW_PRIVATE_ADDRESSES: 'true',
      LOG_LEVEL: 'warn',
    },
    await freePort(),
  );
  started.services.push(contracts, verifier);
  await Promise.all([contracts.start(), verifier.start()]);

  const gateway = new ServiceProcess(
    'gateway',
    {
      ...common,
      DATABASE_URL: testDatabaseUrl('gateway'),
      KAFKA_CONSUMER_GROUP: groups.gateway,
      // Redis database 12 belongs to this test: its rate-limit counters touch no other suite's.
      REDIS_URL: 'redis://127.0.0.1:6379/12',
      JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      CONTRACTS_URL: `http://127.0.0.1:${contracts.httpPort}`,
      VERIFIER_URL: `http://127.0.0.1:${verifier.httpPort}`,
      STRATUM_PUBLIC_URL: stratumUrl,
      CAPACITY_CHECK_MIN_SECONDS: String(settings.capacityCheckMinSeconds),
      // One client address makes every request here, a dozen of them at once.
      RATE_LIMIT_REQUESTS: '100000',
      AUTH_RATE_LIMIT_REQUESTS: '100000',
      LOG_LEVEL: 'warn',
    },
    gatewayPort,
  );
  started.services.push(gateway);
  await gateway.start();

  return {
    apiUrl: `http://127.0.0.1:${gatewayPort}`,
    standIn,
    stratumUrl,
    checkPoolUrl: `stratum+tcp://127.0.0.1:${checkPoolPort}`,
    renterPoolUrl: `stratum+tcp://127.0.0.1:${renterPoolPort}`,
    stripeSecretKey,
    logs,
    stop,
  };
}
