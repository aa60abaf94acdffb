import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import path from 'node:path';
import { freePort, stopProcess, waitFor } from '@hashproof/testing';
import {
  BENCH_DATABASE,
  connectAdmin,
  createBenchDatabase,
  dropBenchDatabase,
  verifierDatabaseUrl,
} from './end-to-end-shares/bench-database';
import { activateRentals, benchKafka, startGroupAtEnd } from './end-to-end-shares/bench-kafka';
import { BuiltAppProcess } from './end-to-end-shares/built-app-process';
import { PrivateBroker } from './end-to-end-shares/private-broker';
import { type CpuGroup, cpuSplit, pidsMatching, readCpu } from './end-to-end-shares/cpu-usage';
import { type FleetCommand, type FleetReply } from './end-to-end-shares/fleet-protocol';
import { JudgedEventCounter } from './end-to-end-shares/judged-event-counter';
import { formatReport, type MeasuredInterval, type StepResult } from './end-to-end-shares/report';
import { TallySampler } from './end-to-end-shares/tally-sampler';
import { admittedRentals, postgresPids, windowTotals } from './end-to-end-shares/verifier-queries';

/**
 * Shares per second end to end: rig simulators → the verifier's Stratum endpoint (each share validated
 * and forwarded to the renter's pool) → `shares.judged.v1` on Kafka → the verifier's window aggregator
 * → `verifier.delivery_windows`. All real, all on loopback: the built verifier and dev pool as
 * processes, a Kafka broker and a database of the benchmark's own. Rigs are added in steps, each
 * measured once settled; then the rigs stop and the aggregator alone works on what is left for a
 * bounded time. The sampled counts give the rates and the delays.
 */
const settings = {
  rigSteps: (process.env.BENCH_RIG_STEPS ?? '20,40,80,200,400').split(',').map(Number),
  settleSeconds: Number(process.env.BENCH_SETTLE_SECONDS ?? 4),
  /** Before the first step, on top: the verifier's first shares meet a cold JIT, pools and windows. */
  warmUpSeconds: Number(process.env.BENCH_WARM_UP_SECONDS ?? 6),
  measureSeconds: Number(process.env.BENCH_MEASURE_SECONDS ?? 10),
  drainSeconds: Number(process.env.BENCH_DRAIN_SECONDS ?? 10),
  rentals: Number(process.env.BENCH_RENTALS ?? 12),
  /** Per rig connection, and what the endpoint's vardiff aims at: the config schema's maximum. */
  sharesPerMinute: Number(process.env.BENCH_SHARES_PER_MINUTE ?? 600),
  /** `off` shows what the aggregator does when commits do not wait for the disk (not a production setting). */
  synchronousCommit: process.env.BENCH_SYNCHRONOUS_COMMIT ?? 'on',
  windowSeconds: 10,
  /** Where to write a CPU profile of the verifier (node --cpu-prof), if anywhere. */
  verifierProfileDir: process.env.BENCH_VERIFIER_PROFILE_DIR,
  /** An existing broker to use instead of a private one (other consumers of its topics then add load). */
  sharedBrokers: process.env.BENCH_KAFKA_BROKERS,
};

/**
 * Rigs mine at difficulty 2^-30: a double-SHA-256 is a share with probability 1/4, so mining costs
 * about four hashes a share (the CPU goes to the pipeline under test) and shares still come at random
 * moments, as from real rigs, not in lockstep. The pool starts there as well, and the endpoint's first
 * difficulty (the pool's) is then already the one its vardiff wants.
 */
const DIFFICULTY_EXPONENT = -30;
const rigHashrate = (settings.sharesPerMinute / 60) * 2 ** DIFFICULTY_EXPONENT * 2 ** 32;

const root = path.resolve(__dirname, '../..');
const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
type Cleanups = (() => Promise<unknown>)[];

async function main(): Promise<void> {
  const cleanups: Cleanups = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) =>
        log(`cleanup: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  };
  // Interrupted: still stop every process this started and drop the database before going.
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
  if (settings.rigSteps.some((rigs, i) => !(Number.isInteger(rigs) && rigs > (settings.rigSteps[i - 1] ?? 0)))) {
    throw new RangeError(`BENCH_RIG_STEPS: rising rig counts, e.g. 20,40,80 (got ${settings.rigSteps.join(',')})`);
  }
  const broker = settings.sharedBrokers === undefined ? await startBroker(cleanups) : null;
  const brokers = broker ? broker.brokers : (settings.sharedBrokers ?? '');
  const serviceEnv = {
    KAFKA_BROKERS: brokers,
    // Its internal HTTP routes are not exercised here; a throwaway token satisfies the setting.
    INTERNAL_API_TOKEN: process.env.INTERNAL_API_TOKEN ?? randomBytes(32).toString('hex'),
  };
  log(`fresh database ${BENCH_DATABASE}, synchronous_commit ${settings.synchronousCommit}`);
  cleanups.push(dropBenchDatabase);
  await createBenchDatabase(root, serviceEnv, settings.synchronousCommit);

  const kafka = benchKafka(brokers);
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([admin.connect(), producer.connect()]);
  cleanups.push(() => Promise.all([admin.disconnect(), producer.disconnect()]));
  const group = `hashrate-verifier-bench-${randomBytes(4).toString('hex')}`;
  // The verifier's group, and the one it applies the evidence topics in.
  const groups = [group, `${group}.evidence`];
  for (const groupId of groups) await startGroupAtEnd(kafka, admin, groupId);
  cleanups.push(() => admin.deleteGroups(groups));

  const { pool, poolPort } = await startPool(cleanups);
  const { verifier, stratumPort } = await startVerifier(cleanups, serviceEnv, group);
  const db = await connectAdmin();
  cleanups.push(() => db.end());

  const now = Date.now();
  const rentals = await activateRentals(producer, settings.rentals, {
    poolUrl: `stratum+tcp://127.0.0.1:${poolPort}`,
    // What the first step delivers: later steps deliver more, so no window is judged short.
    hashrate: (rigHashrate * (settings.rigSteps[0] ?? 1)) / settings.rentals,
    startsAt: new Date(now),
    endsAt: new Date(now + 30 * 60_000),
  });
  await waitFor(async () => (await admittedRentals(db)) === rentals.length, {
    timeoutMs: 60_000,
    what: 'the verifier to take in the rentals.activated.v1 events',
  });
  log(`${rentals.length} rentals active; each rig ${rigHashrate} H/s at difficulty 2^${DIFFICULTY_EXPONENT}`);

  const judged = await JudgedEventCounter.start(kafka, admin, new Set(rentals.map((rental) => rental.rentalId)));
  cleanups.push(() => judged.stop());
  const tallies = new TallySampler(db);
  cleanups.push(() => tallies.stop());
  const fleet = fork(path.join(__dirname, 'end-to-end-shares/rig-fleet.js'), [], { stdio: 'inherit' });
  cleanups.push(() => stopProcess(fleet));
  const cpuGroups: CpuGroup[] = [
    { name: 'verifier', pids: () => [verifier.pid] },
    { name: 'rig fleet', pids: () => [fleet.pid ?? -1] },
    { name: 'dev pool', pids: () => [pool.pid] },
    { name: 'PostgreSQL', pids: () => postgresPids(db) },
    {
      name: 'Kafka',
      pids: async () => (broker ? [await broker.pid()] : pidsMatching((cmdline) => cmdline.includes('kafka.Kafka'))),
    },
    { name: 'bench', pids: () => [process.pid] },
  ];
  const measure = async (seconds: number, until?: () => boolean): Promise<MeasuredInterval> => {
    const before = await readCpu(cpuGroups);
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline && !until?.()) await sleep(0.1);
    const after = await readCpu(cpuGroups);
    return { from: before.atMs, to: after.atMs, cpu: cpuSplit(before, after) };
  };

  const steps: StepResult[] = [];
  let mining = 0;
  for (const target of settings.rigSteps) {
    const credentials = Array.from(
      { length: target - mining },
      (_, i) => rentals[(mining + i) % rentals.length]?.credential ?? '',
    );
    const added = await ask(fleet, {
      kind: 'add',
      url: `stratum+tcp://127.0.0.1:${stratumPort}`,
      credentials,
      hashrate: rigHashrate,
    });
    if (added.kind !== 'added') throw new Error(`the rig fleet answered ${added.kind} to add`);
    mining = added.rigs;
    const refused = added.failed > 0 ? ` (${added.failed} not taken in by the endpoint in time)` : '';
    log(
      `${mining} rigs mining${refused}; settling ${settings.settleSeconds} s, measuring ${settings.measureSeconds} s`,
    );
    await sleep(settings.settleSeconds + (steps.length === 0 ? settings.warmUpSeconds : 0));
    steps.push({ rigs: mining, refused: added.failed, ...(await measure(settings.measureSeconds)) });
  }

  const stopped = await ask(fleet, { kind: 'stop' });
  if (stopped.kind !== 'stopped') throw new Error(`the rig fleet answered ${stopped.kind} to stop`);
  log(`rigs stopped; the aggregator alone for up to ${settings.drainSeconds} s`);
  const drain = await measure(settings.drainSeconds, () => (tallies.latest?.count ?? 0) >= judged.count);
  await tallies.stop();

  process.stdout.write(
    formatReport({
      setup: setupLine(),
      steps,
      drain,
      fleet: stopped.samples,
      reconnects: stopped.reconnects,
      judged: judged.curve(),
      counted: tallies.samples,
      windows: await windowTotals(db),
    }),
  );
}

async function startBroker(cleanups: Cleanups): Promise<PrivateBroker> {
  log('starting a private Kafka broker');
  const broker = await PrivateBroker.start(root);
  cleanups.push(() => broker.stop());
  return broker;
}

async function startPool(cleanups: Cleanups): Promise<{ pool: BuiltAppProcess; poolPort: number }> {
  const poolPort = await freePort();
  const pool = await BuiltAppProcess.start(root, 'dev-pool', {
    args: [
      ...['--host', '127.0.0.1', '--port', String(poolPort), '--stats-interval-ms', '0'],
      ...['--start-difficulty', `2^${DIFFICULTY_EXPONENT}`, '--min-difficulty', '2^-40'],
      ...['--target-shares-per-minute', String(settings.sharesPerMinute)],
      // Network difficulty 1: no block found by chance interrupts the run.
      ...['--nbits', '1d00ffff'],
    ],
    ready: () => accepts(poolPort),
  });
  cleanups.push(() => pool.stop());
  return { pool, poolPort };
}

async function startVerifier(
  cleanups: Cleanups,
  serviceEnv: Record<string, string>,
  group: string,
): Promise<{ verifier: BuiltAppProcess; stratumPort: number }> {
  const [stratumPort, httpPort] = [await freePort(), await freePort()];
  log('starting the verifier');
  const verifier = await BuiltAppProcess.start(root, 'hashrate-verifier', {
    nodeArgs: settings.verifierProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.verifierProfileDir}`] : [],
    env: {
      ...serviceEnv,
      DATABASE_URL: verifierDatabaseUrl,
      KAFKA_CONSUMER_GROUP: group,
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(httpPort),
      STRATUM_PORT: String(stratumPort),
      STRATUM_TARGET_SHARES_PER_MINUTE: String(settings.sharesPerMinute),
      DELIVERY_WINDOW_SECONDS: String(settings.windowSeconds),
      DELIVERY_WINDOW_GRACE_SECONDS: '2',
    },
    ready: async () => (await fetch(`http://127.0.0.1:${httpPort}/health`)).status === 200,
  });
  cleanups.push(() => verifier.stop());
  return { verifier, stratumPort };
}

async function ask(fleet: ChildProcess, command: FleetCommand): Promise<FleetReply> {
  const reply = once(fleet, 'message') as Promise<[FleetReply]>;
  const exited = once(fleet, 'exit').then(([code]) => {
    throw new Error(`the rig fleet exited with ${String(code)}`);
  });
  exited.catch(() => undefined);
  fleet.send(command);
  const [answer] = await Promise.race([reply, exited]);
  if (answer.kind === 'error') throw new Error(`rig fleet: ${answer.message}`);
  return answer;
}

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

function setupLine(): string {
  return (
    `${settings.rentals} rentals; each rig is one connection at ${settings.sharesPerMinute} shares/min (the ` +
    `endpoint's vardiff target), difficulty 2^${DIFFICULTY_EXPONENT} (about four double-SHA-256 per share); the ` +
    `renter's dev pool at the same difficulty, so every share is also forwarded; ${settings.windowSeconds} s ` +
    `windows; synchronous_commit ${settings.synchronousCommit}. Each step measured for ${settings.measureSeconds} s ` +
    `after ${settings.settleSeconds} s to settle (the first after ${settings.settleSeconds + settings.warmUpSeconds} s).`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
