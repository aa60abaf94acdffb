import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { freePort } from '@hashproof/testing';
import { databaseUrl } from './bench-database';
import { type RunConsumerGroups } from './consumer-groups';
import { ServiceProcess } from './service-process';

export interface ServiceSettings {
  readonly root: string;
  readonly logDir: string;
  readonly logLevel: string;
  readonly kafkaBrokers: string;
  readonly redisUrl: string;
  /** Where node --cpu-prof writes the gateway's and contracts' profiles, if anywhere. */
  readonly profileDir: string | undefined;
  /** The purchase path too: the verifier (it checks the renter's pool first) and a dev pool to check. */
  readonly purchases: boolean;
}

export interface Services {
  readonly gateway: ServiceProcess;
  readonly contracts: ServiceProcess;
  readonly standIn: ServiceProcess;
  readonly verifier: ServiceProcess | null;
  readonly devPool: ServiceProcess | null;
  readonly gatewayUrl: string;
  readonly contractsUrl: string;
  /** The renters' pool for purchases: the dev pool. */
  readonly poolUrl: string | null;
  readonly internalToken: string;
}

/** The services' consumer groups, the verifier's batch consumer (`<group>.evidence`) included. */
export const consumerGroupServices = (purchases: boolean) =>
  purchases ? ['gateway', 'contracts', 'hashrate-verifier', 'hashrate-verifier.evidence'] : ['gateway', 'contracts'];

export const allProcesses = (services: Services): ServiceProcess[] =>
  [services.gateway, services.contracts, services.standIn, services.verifier, services.devPool].filter(
    (service): service is ServiceProcess => service !== null,
  );

async function accepts(port: number): Promise<boolean> {
  const socket = connect({ host: '127.0.0.1', port });
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/**
 * The built services as processes, each with the settings it is deployed with (scripts/env.sh for what each
 * needs) and one shared INTERNAL_API_TOKEN; stopped by the cleanups, last started first.
 */
export async function startServices(
  settings: ServiceSettings,
  groups: RunConsumerGroups,
  cleanups: (() => Promise<unknown>)[],
): Promise<Services> {
  const { root, logDir } = settings;
  const internalToken = randomBytes(32).toString('hex');
  const common = {
    NODE_ENV: 'production',
    LOG_LEVEL: settings.logLevel,
    HTTP_HOST: '127.0.0.1',
    KAFKA_BROKERS: settings.kafkaBrokers,
    INTERNAL_API_TOKEN: internalToken,
  };
  const nodeArgs = (app: string) =>
    settings.profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${settings.profileDir}`, `--cpu-prof-name=${app}.cpuprofile`]
      : [];
  const healthy = (url: string) => async () => (await fetch(`${url}/health`)).status === 200;
  const started = async (app: string, options: Parameters<typeof ServiceProcess.start>[3]) => {
    const service = await ServiceProcess.start(root, app, logDir, options);
    cleanups.push(() => service.stop());
    return service;
  };

  const standInUrl = `http://127.0.0.1:${await freePort()}`;
  const standIn = await started('stripe-stand-in', {
    args: ['--host', '127.0.0.1', '--port', new URL(standInUrl).port],
    ready: async () => (await fetch(`${standInUrl}/_stand-in/events`)).ok,
  });

  let devPool: ServiceProcess | null = null;
  let verifier: ServiceProcess | null = null;
  let poolUrl: string | null = null;
  // Nothing listens there unless purchases are measured: no other path measured here calls the verifier.
  const verifierUrl = `http://127.0.0.1:${await freePort()}`;
  if (settings.purchases) {
    const poolPort = await freePort();
    poolUrl = `stratum+tcp://127.0.0.1:${poolPort}`;
    devPool = await started('dev-pool', {
      args: ['--host', '127.0.0.1', '--port', String(poolPort), '--stats-interval-ms', '0'],
      ready: () => accepts(poolPort),
    });
    verifier = await started('hashrate-verifier', {
      env: {
        ...common,
        HTTP_PORT: new URL(verifierUrl).port,
        DATABASE_URL: databaseUrl('verifier'),
        KAFKA_CONSUMER_GROUP: groups.groupFor('hashrate-verifier'),
        STRATUM_PORT: String(await freePort()),
        // The renters' pool is the dev pool, on loopback, which production refuses to check.
        POOL_CHECK_ALLOW_PRIVATE_ADDRESSES: 'true',
      },
      ready: healthy(verifierUrl),
    });
  }

  const contractsUrl = `http://127.0.0.1:${await freePort()}`;
  const contracts = await started('contracts', {
    nodeArgs: nodeArgs('contracts'),
    env: {
      ...common,
      HTTP_PORT: new URL(contractsUrl).port,
      DATABASE_URL: databaseUrl('contracts'),
      KAFKA_CONSUMER_GROUP: groups.groupFor('contracts'),
      STRIPE_SECRET_KEY: 'sk_test_benchApiRequests',
      STRIPE_API_URL: standInUrl,
    },
    ready: healthy(contractsUrl),
  });

  const gatewayUrl = `http://127.0.0.1:${await freePort()}`;
  const gateway = await started('gateway', {
    nodeArgs: nodeArgs('gateway'),
    env: {
      ...common,
      HTTP_PORT: new URL(gatewayUrl).port,
      DATABASE_URL: databaseUrl('gateway'),
      KAFKA_CONSUMER_GROUP: groups.groupFor('gateway'),
      REDIS_URL: settings.redisUrl,
      JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
      // Tokens outlive the run, however slow the machine.
      JWT_ACCESS_TTL_SECONDS: '3600',
      // Every request comes from one address here: the per-client limits would stop the run within a second.
      RATE_LIMIT_REQUESTS: '1000000',
      AUTH_RATE_LIMIT_REQUESTS: '1000000',
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('hex')}`,
      CONTRACTS_URL: contractsUrl,
      VERIFIER_URL: verifierUrl,
    },
    ready: healthy(gatewayUrl),
  });
  return { gateway, contracts, standIn, verifier, devPool, gatewayUrl, contractsUrl, poolUrl, internalToken };
}
