import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import {
  BENCH_DATABASE,
  connectAdmin,
  createBenchDatabase,
  dropBenchDatabase,
  postgresPids,
} from './api-requests/bench-database';
import { RunConsumerGroups } from './api-requests/consumer-groups';
import { type LoadCommand, type LoadReply, type LoadResult, type RequestSpec } from './api-requests/load-protocol';
import { type Marketplace, seedMarketplace } from './api-requests/marketplace-seed';
import { purchaseProblem, purchaseRequests, purchaseRouteBuilt } from './api-requests/purchases';
import { achievedRate, formatReport, type Measurement } from './api-requests/report';
import {
  bareRequests,
  browseQueries,
  browseRequests,
  distinctBrowseRequests,
  findRequests,
  internalBrowseRequests,
  type Renter,
  withQuery,
} from './api-requests/requests';
import { allProcesses, consumerGroupServices, type Services, startServices } from './api-requests/services';
import { watchStalls } from './api-requests/service-stalls';
import { type CpuGroup, cpuSplit, pidsMatching, readCpu } from './end-to-end-shares/cpu-usage';

/**
 * Requests per second and latency of the public API on loopback: a listing search, a listing's page and the
 * rental purchase, side by side with a bare endpoint of the same gateway (`GET /health/live`: Fastify and Nest,
 * nothing behind it), all in one run. Everything real: the built gateway, contracts, Stripe stand-in (and for
 * purchases the verifier and a dev pool) as processes, on a database of the benchmark's own (created, seeded,
 * dropped), the local Kafka broker (consumer groups of the run's own, deleted after) and Redis. Each request kind
 * gets a warm-up, then a measured run at a fixed rate; then closed-loop runs for the most each path serves, and
 * the listing reads again at half that.
 */
const settings = {
  /** Requests per second of the fixed-rate runs. */
  rate: Number(process.env.BENCH_RATE ?? 1_000),
  purchaseRate: Number(process.env.BENCH_PURCHASE_RATE ?? 50),
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  warmUpSeconds: Number(process.env.BENCH_WARM_UP_SECONDS ?? 5),
  /** The closed-loop (as fast as answered) runs. */
  maxSeconds: Number(process.env.BENCH_MAX_SECONDS ?? 10),
  maxConnections: Number(process.env.BENCH_MAX_CONNECTIONS ?? 50),
  /** Requests a paced run lets wait for an answer before it stops sending: enough to queue at the server. */
  pacedConnections: Number(process.env.BENCH_PACED_CONNECTIONS ?? 256),
  providers: Number(process.env.BENCH_PROVIDERS ?? 300),
  renters: Number(process.env.BENCH_RENTERS ?? 20),
  /** The services' log level; production's is info, a line per request. */
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  /** As scripts/env.sh sets it: a worktree's own broker when KAFKA_PORT names one. */
  kafkaBrokers: process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`,
  /** The gateway's rate-limit counters; they expire by themselves after the window (60 s). */
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13',
  /** `0` leaves purchases out even when the route is built. */
  purchases: process.env.BENCH_PURCHASES !== '0',
  /** Where to write CPU profiles of the gateway and contracts (node --cpu-prof), if anywhere. */
  profileDir: process.env.BENCH_PROFILE_DIR,
  keepLogs: process.env.BENCH_KEEP_LOGS === '1',
  /** Only these runs, if set (comma-separated): bare, browse, distinct, find, purchase, max, half. */
  only: process.env.BENCH_ONLY?.split(',').map((run) => run.trim()),
};

type RunKind = 'bare' | 'browse' | 'distinct' | 'find' | 'purchase' | 'max' | 'half';
const runs = (kind: RunKind) => settings.only === undefined || settings.only.includes(kind);

const root = path.resolve(__dirname, '../..');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const int = (value: number) => Math.round(value).toLocaleString('en-US');
type Cleanups = (() => Promise<unknown>)[];

async function main(): Promise<void> {
  const cleanups: Cleanups = [];
  // One cleanup, however many ask for it: a signal and the failure it causes in the run both wait for the same.
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const cleanup of cleanups.splice(0).reverse()) {
        await cleanup().catch((error: unknown) =>
          log(`cleanup: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    })());
  // Interrupted: still stop every process this started, and drop the database and the consumer groups.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    await run(cleanups);
  } finally {
    await cleanUp();
  }
}

async function run(cleanups: Cleanups): Promise<void> {
  const runId = randomBytes(4).toString('hex');
  const purchases = settings.purchases && purchaseRouteBuilt(root);
  const notes: string[] = [];
  if (!purchases) {
    notes.push(
      settings.purchases
        ? '(d) `POST /v1/rentals`: not measured, the gateway has no purchase route yet.'
        : '(d) `POST /v1/rentals`: left out (BENCH_PURCHASES=0).',
    );
  }
  const logDir = await mkdtemp(path.join(tmpdir(), 'hashproof-bench-api-'));
  cleanups.push(async () => {
    if (settings.keepLogs) log(`service logs kept in ${logDir}`);
    else await rm(logDir, { recursive: true, force: true });
  });

  log(`fresh database ${BENCH_DATABASE}: schemas, migrations`);
  cleanups.push(dropBenchDatabase);
  await createBenchDatabase(root, purchases ? ['gateway', 'contracts', 'verifier'] : ['gateway', 'contracts']);
  const db = await connectAdmin();
  cleanups.push(() => db.end());

  const kafka = new Kafka({
    clientId: 'api-requests-bench',
    brokers: settings.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  cleanups.push(() => admin.disconnect());
  const groups = new RunConsumerGroups(kafka, admin, `bench-api-${runId}`);
  // Registered before the services start, so it runs after they have stopped and left their groups.
  cleanups.push(async () => log(`consumer groups deleted: ${(await groups.deleteAll()).join(', ') || 'none'}`));
  log(`consumer groups ${groups.prefix}-* placed at the ends of the topics`);
  await groups.placeAtTopicEnds(consumerGroupServices(purchases));

  log(`starting ${purchases ? 'the dev pool, the verifier, ' : ''}the Stripe stand-in, contracts and the gateway`);
  const services = await startServices({ ...settings, root, logDir, purchases }, groups, cleanups);

  log(`seeding ${settings.providers} providers' listings, capacity checks, payout accounts and rental history`);
  const marketplace = await seedMarketplace(db, settings.providers);
  log(
    `${int(marketplace.listings)} listings (${int(marketplace.liveListings.length)} live), ` +
      `${int(marketplace.rentals)} rentals with ${int(marketplace.transitions)} transitions; ANALYZE done`,
  );
  log(`registering ${settings.renters} renters through the API`);
  const renters = await registerRenters(services.gatewayUrl, runId, settings.renters);
  const secondPage = await checkListingsServed(services.gatewayUrl, renters[0] as Renter, marketplace);
  const queries = browseQueries(marketplace.liveListings, secondPage);

  const generator = fork(path.join(__dirname, 'api-requests/load-generator.js'), [], { stdio: 'inherit' });
  cleanups.push(async () => {
    if (generator.exitCode !== null || generator.signalCode !== null) return;
    const exited = once(generator, 'exit');
    generator.disconnect();
    await exited;
  });
  const cpuGroups: CpuGroup[] = [
    { name: 'gateway', pids: () => [services.gateway.pid] },
    { name: 'contracts', pids: () => [services.contracts.pid] },
    ...(services.verifier ? [{ name: 'verifier', pids: () => [services.verifier?.pid ?? -1] }] : []),
    ...(services.devPool ? [{ name: 'dev pool', pids: () => [services.devPool?.pid ?? -1] }] : []),
    { name: 'Stripe stand-in', pids: () => [services.standIn.pid] },
    { name: 'PostgreSQL', pids: () => postgresPids(db) },
    { name: 'Redis', pids: () => pidsMatching((_, comm) => comm === 'redis-server') },
    { name: 'Kafka', pids: () => pidsMatching((cmdline) => cmdline.includes('kafka.Kafka')) },
    { name: 'load generator', pids: () => [generator.pid ?? -1] },
  ];

  const measurements: Measurement[] = [];
  const stallWatched = new Map([
    ['gateway', services.gatewayUrl],
    ['contracts', services.contractsUrl],
  ]);
  const measure = async (
    request: string,
    load: string,
    command: LoadCommand,
    extra: Pick<Measurement, 'targetRate' | 'listingRead'> = {},
  ): Promise<LoadResult> => {
    if (command.kind === 'paced' && settings.warmUpSeconds > 0) {
      log(`${request}: warm-up, ${load}, ${settings.warmUpSeconds} s`);
      await ask(generator, { ...command, seconds: settings.warmUpSeconds });
    }
    log(`${request}: ${load}, ${command.seconds} s`);
    const stallsOver = await watchStalls(stallWatched);
    const before = await readCpu(cpuGroups);
    const result = await ask(generator, command);
    const after = await readCpu(cpuGroups);
    const stalls = await stallsOver();
    if (result.sampleFailure) log(`  a failed answer: ${result.sampleFailure}`);
    measurements.push({ request, load, result, cpu: cpuSplit(before, after), stalls, ...extra });
    await assertServicesUp(services);
    return result;
  };
  const paced = (origin: string, requests: RequestSpec[], rate: number, uniqueHeader?: string): LoadCommand => ({
    kind: 'paced',
    origin,
    requests,
    ratePerSecond: rate,
    seconds: settings.seconds,
    maxConnections: settings.pacedConnections,
    ...(uniqueHeader ? { uniqueHeader } : {}),
  });
  const closedLoop = (origin: string, requests: RequestSpec[], overallRate?: number): LoadCommand => ({
    kind: 'autocannon',
    origin,
    requests,
    seconds: settings.maxSeconds,
    connections: settings.maxConnections,
    ...(overallRate === undefined ? {} : { overallRate }),
  });
  const pacedLabel = (rate: number) => `${int(rate)}/s paced`;
  const maxLabel = `max: autocannon, ${settings.maxConnections} connections`;
  const { gatewayUrl, contractsUrl } = services;
  const bare = '(a) `GET /health/live`, bare';
  const browsing = '(b) `GET /v1/listings`, filtered';
  const browsingDistinct = '(b) `GET /v1/listings`, distinct searches';
  const finding = '(c) `GET /v1/listings/{id}`';
  const browse = browseRequests(queries, renters);
  // Enough that no search repeats within a run (warm-up and measured run each start from the first).
  const distinct = (rate: number) =>
    distinctBrowseRequests(Math.ceil(rate * Math.max(settings.seconds, settings.warmUpSeconds)), renters);
  const find = findRequests(marketplace.liveListings, renters);

  // At the goal's rate, each kind in turn.
  const atRate = { targetRate: settings.rate };
  if (runs('bare')) {
    await measure(bare, pacedLabel(settings.rate), paced(gatewayUrl, bareRequests, settings.rate), atRate);
  }
  if (runs('browse')) {
    await measure(browsing, pacedLabel(settings.rate), paced(gatewayUrl, browse, settings.rate), {
      ...atRate,
      listingRead: true,
    });
  }
  // The same, but no two searches alike: the gateway can reuse no answer (see the search cache in its listings/).
  const distinctAtRate = runs('distinct')
    ? await measure(
        browsingDistinct,
        pacedLabel(settings.rate),
        paced(gatewayUrl, distinct(settings.rate), settings.rate),
        {
          ...atRate,
          listingRead: true,
        },
      )
    : null;
  if (runs('find')) {
    await measure(finding, pacedLabel(settings.rate), paced(gatewayUrl, find, settings.rate), {
      ...atRate,
      listingRead: true,
    });
  }
  if (purchases && services.poolUrl && runs('purchase')) {
    const problem = await purchaseProblem(gatewayUrl, renters[0] as Renter, marketplace.liveListings, services.poolUrl);
    if (problem === null) {
      await measure(
        '(d) `POST /v1/rentals`, distinct Idempotency-Keys',
        pacedLabel(settings.purchaseRate),
        paced(
          gatewayUrl,
          purchaseRequests(marketplace.liveListings, renters, services.poolUrl),
          settings.purchaseRate,
          'idempotency-key',
        ),
        { targetRate: settings.purchaseRate },
      );
    } else {
      log(`purchases left out: ${problem}`);
      notes.push(`(d) \`POST /v1/rentals\`: not measured, ${problem}.`);
    }
  }
  // The most each path serves, the gateway's listing search without the gateway in front of it included.
  const maxima = runs('max') ? await closedLoopRuns() : null;
  async function closedLoopRuns() {
    await measure(bare, maxLabel, closedLoop(gatewayUrl, bareRequests));
    // For comparison: autocannon's own fixed rate, which sends each connection's share of a second back to back
    // at the start of the second (one burst a second), rather than spread over it.
    await measure(
      bare,
      `autocannon overallRate ${int(settings.rate)}, ${settings.maxConnections} connections`,
      closedLoop(gatewayUrl, bareRequests, settings.rate),
    );
    const browseMax = await measure(browsing, maxLabel, closedLoop(gatewayUrl, browse));
    const findMax = await measure(finding, maxLabel, closedLoop(gatewayUrl, find));
    await measure(
      'contracts alone: `GET /internal/v1/listings`, same searches',
      maxLabel,
      closedLoop(contractsUrl, internalBrowseRequests(queries, renters, services.internalToken)),
    );
    return { browseMax, findMax };
  }

  // The listing reads at half the most they served: what this machine sustains with room to spare.
  if (maxima && runs('half')) {
    for (const [request, requests, max] of [
      [browsing, browse, maxima.browseMax],
      [finding, find, maxima.findMax],
    ] as const) {
      const half = Math.max(10, Math.round(achievedRate(max) / 20) * 10);
      if (half < settings.rate) {
        await measure(request, `${pacedLabel(half)} (half its max)`, paced(gatewayUrl, requests, half), {
          targetRate: half,
          listingRead: true,
        });
      }
    }
  }

  // Distinct searches have no closed-loop run (autocannon sends its requests in the same order on every
  // connection, so they would repeat): if they fell short of the goal's rate, again at half what they got.
  if (distinctAtRate && runs('half') && achievedRate(distinctAtRate) < 0.98 * settings.rate) {
    const distinctHalf = Math.max(10, Math.round(achievedRate(distinctAtRate) / 20) * 10);
    await measure(
      browsingDistinct,
      `${pacedLabel(distinctHalf)} (half what it got at ${int(settings.rate)}/s)`,
      paced(gatewayUrl, distinct(distinctHalf), distinctHalf),
      { targetRate: distinctHalf, listingRead: true },
    );
  }

  process.stdout.write(
    formatReport({
      setup: setupLine(marketplace, queries.length),
      goalRate: settings.rate,
      measurements,
      cpuGroups: cpuGroups.map((group) => group.name),
      notes,
    }),
  );
}

async function assertServicesUp(services: Services): Promise<void> {
  for (const service of allProcesses(services)) {
    if (!service.running) throw new Error(`${service.name} has exited\n${await service.logTail()}`);
  }
}

async function postJson(url: string, body: object, expected: number): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** Sign-up and login as a client does them (scrypt on both, so a few at a time). */
async function registerRenters(gatewayUrl: string, runId: string, count: number): Promise<Renter[]> {
  const password = 'correct horse battery staple';
  const renters: Renter[] = [];
  const register = async (index: number) => {
    const email = `bench-api-${runId}-renter-${index}@example.test`;
    const { id } = (await postJson(`${gatewayUrl}/v1/auth/register`, { email, password, role: 'renter' }, 201)) as {
      id: string;
    };
    const { accessToken } = (await postJson(`${gatewayUrl}/v1/auth/login`, { email, password }, 200)) as {
      accessToken: string;
    };
    renters.push({ id, accessToken });
  };
  for (let start = 0; start < count; start += 4) {
    await Promise.all(Array.from({ length: Math.min(4, count - start) }, (_, i) => register(start + i)));
  }
  return renters;
}

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/**
 * Before measuring anything: the API serves exactly the seeded live listings (paged through to the end), and one
 * listing's page. Resolves with the cursor of the second page of USD listings, a request of the mix.
 */
async function checkListingsServed(gatewayUrl: string, renter: Renter, marketplace: Marketplace): Promise<string> {
  type Page = { items: { id: string }[]; nextCursor: string | null };
  let cursor: string | null = null;
  let seen = 0;
  do {
    const query: Record<string, string | number> = { limit: 100, ...(cursor === null ? {} : { cursor }) };
    const page = (await getJson(`${gatewayUrl}${withQuery('/v1/listings', query)}`, renter.accessToken)) as Page;
    seen += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  if (seen !== marketplace.liveListings.length) {
    throw new Error(`the API lists ${seen} live listings, the seed made ${marketplace.liveListings.length}`);
  }
  const first = marketplace.liveListings[0];
  if (first) await getJson(`${gatewayUrl}/v1/listings/${first.id}`, renter.accessToken);
  const usd = (await getJson(`${gatewayUrl}/v1/listings?currency=USD`, renter.accessToken)) as Page;
  if (usd.nextCursor === null) throw new Error('fewer than two pages of USD listings: seed more providers');
  return usd.nextCursor;
}

async function ask(generator: ChildProcess, command: LoadCommand): Promise<LoadResult> {
  // Both listeners go once the answer is in: a run of many commands must not pile them up.
  const listening = new AbortController();
  const reply = once(generator, 'message', { signal: listening.signal }) as Promise<[LoadReply]>;
  const exited = once(generator, 'exit', { signal: listening.signal }).then(([code]) => {
    throw new Error(`the load generator exited with ${String(code)}`);
  });
  exited.catch(() => undefined);
  reply.catch(() => undefined);
  generator.send(command);
  try {
    const [answer] = await Promise.race([reply, exited]);
    if (answer.kind === 'error') throw new Error(`load generator: ${answer.message}`);
    return answer.result;
  } finally {
    listening.abort();
  }
}

function setupLine(marketplace: Marketplace, queries: number): string {
  return (
    `${int(marketplace.providers)} providers with ${int(marketplace.listings)} listings ` +
    `(${int(marketplace.liveListings.length)} live), ${int(marketplace.rentals)} rentals behind their track records ` +
    `and availability; ${settings.renters} renters signed up and logged in through the API, their tokens used in ` +
    `turn. Browse: ${queries} searches in turn (currency, rental length, budget, hash rate left, track record, a ` +
    `second page, one provider's listings, unfiltered); distinct searches: no two alike (budget, rental length, ` +
    `currency), so none is answered from the gateway's search cache. Find: every live listing in turn. Purchases: 1 TH/s for a ` +
    `day from listings with room, the dev pool as the renter's pool. Paced runs: ${settings.warmUpSeconds} s ` +
    `warm-up, then ${settings.seconds} s measured, at most ${settings.pacedConnections} requests waiting; ` +
    `closed-loop runs ${settings.maxSeconds} s. Services at LOG_LEVEL=${settings.logLevel}, default pools ` +
    `(DATABASE_POOL_SIZE 10), gateway rate limits raised.`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
