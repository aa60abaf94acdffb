import { type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { JsonRpcClient } from '@hashproof/stratum-net';
import { InMemoryContractDirectory } from './in-memory-contract.directory';
import { RecordingShareOutcomeSink } from './recording-share-outcome.sink';
import { DEFAULT_RELAY_OPTIONS } from './relay-options';
import { SessionRecorder } from './session-recorder';
import { StratumProxyServer } from './stratum-proxy.server';
import { freePort, runAudit, runRig, startDevPool, stopProcess, waitFor } from '@hashproof/testing';

// The rig's difficulty is held at 2^-22 (~5 shares/s at 5 kH/s), the pool's at 2^-20: about one
// share in four meets the pool's and is forwarded. No new block during a run: a share racing a
// clean_jobs notify would be a legitimate stale.
const RIG_DIFFICULTY = 2 ** -22;
const POOL_DIFFICULTY = 2 ** -20;
const POOL_ARGS = [
  ...['--start-difficulty', '2^-20', '--min-difficulty', '2^-20', '--max-difficulty', '2^-20'],
  ...['--job-interval-ms', '60000'],
];
const HASHRATE = '5000';
const RUN_SECONDS = 5;

/** Dev pool and rigs as built processes, the proxy in-process with an in-memory directory and sink. */
describe('stratum proxy between rig-simulator and dev-pool processes on 127.0.0.1', () => {
  jest.setTimeout(60_000);
  const directory = new InMemoryContractDirectory();
  const sink = new RecordingShareOutcomeSink();
  const pools: ChildProcess[] = [];
  let recordingDir = '';
  let proxy: StratumProxyServer;
  let proxyUrl = '';
  let poolUrl = '';

  beforeAll(async () => {
    recordingDir = await mkdtemp(path.join(tmpdir(), 'stratum-proxy-'));
    const poolPort = await freePort();
    pools.push(await startDevPool(poolPort, POOL_ARGS));
    poolUrl = `stratum+tcp://127.0.0.1:${poolPort}`;
    proxy = new StratumProxyServer(
      {
        host: '127.0.0.1',
        port: 0,
        maxConnections: 100,
        rigConnection: { idleTimeoutMs: 20_000 },
        relay: {
          ...DEFAULT_RELAY_OPTIONS,
          startDifficulty: RIG_DIFFICULTY,
          minDifficulty: RIG_DIFFICULTY,
          maxDifficulty: RIG_DIFFICULTY,
          poolReplyTimeoutMs: 5_000,
        },
      },
      { directory, sink, recorder: new SessionRecorder({ dir: recordingDir, maxFileBytes: 64 * 1024 * 1024 }) },
    );
    proxyUrl = `stratum+tcp://127.0.0.1:${await proxy.start()}`;
  });

  afterAll(async () => {
    await proxy.stop();
    for (const pool of pools) await stopProcess(pool);
    await rm(recordingDir, { recursive: true, force: true });
  });

  const contract = (upstreamUrl: string, endsAt = new Date(Date.now() + 3_600_000)) => {
    const credential = `cred-${randomUUID()}`;
    const rentalId = randomUUID();
    directory.issue(credential, {
      rentalId,
      upstream: { url: upstreamUrl, worker: `renter.${rentalId.slice(0, 8)}`, password: 'x' },
      endsAt,
    });
    return { credential, rentalId };
  };
  const rig = (credential: string, ...extra: string[]) =>
    runRig(
      [
        '--url',
        proxyUrl,
        '--worker',
        credential,
        '--hashrate',
        HASHRATE,
        '--duration-seconds',
        String(RUN_SECONDS),
        ...extra,
      ],
      (RUN_SECONDS + 15) * 1000,
    );
  const outcomesOf = (rentalId: string) => sink.outcomes.filter((outcome) => outcome.rentalId === rentalId);
  const eventsOf = (rentalId: string) =>
    sink.events.filter((event) => event.rentalId === rentalId).map((event) => event.kind);
  const disconnected = (rentalId: string) =>
    waitFor(async () => eventsOf(rentalId).includes('rig-disconnected'), {
      timeoutMs: 10_000,
      what: 'rig-disconnected',
    });

  it('credits an honest rig in full, forwards only pool-grade shares, catches replays, and records an auditable session', async () => {
    const honest = contract(poolUrl);
    const replaying = contract(poolUrl);
    const [honestTally, replayTally] = await Promise.all([
      rig(honest.credential, '--version-rolling'),
      rig(replaying.credential, '--cheat', 'replay'),
    ]);
    await Promise.all([disconnected(honest.rentalId), disconnected(replaying.rentalId)]);
    await proxyIdle();
    await proxy.settled();

    expect(honestTally.accepted).toBeGreaterThan(10);
    expect(honestTally.rejectedByCode).toEqual({});
    const outcomes = outcomesOf(honest.rentalId);
    expect(outcomes).toHaveLength(honestTally.submitted);
    expect(outcomes.every((outcome) => outcome.verdict.valid)).toBe(true);
    const forwarded = outcomes.filter((outcome) => outcome.forwarded);
    expect(forwarded.length).toBeGreaterThan(0);
    expect(forwarded.length).toBeLessThan(outcomes.length);
    for (const outcome of outcomes) {
      const poolGrade = (outcome.verdict.achievedDifficulty ?? 0) >= POOL_DIFFICULTY;
      expect(outcome.forwarded).toBe(poolGrade || outcome.blockCandidate);
      expect([outcome.poolVerdict, outcome.poolError]).toEqual([outcome.forwarded ? 'accepted' : null, undefined]);
      expect(outcome.verdict.assignedDifficulty).toBe(RIG_DIFFICULTY);
    }
    expect(eventsOf(honest.rentalId)).toEqual(['rig-connected', 'pool-connected', 'rig-disconnected']);

    expect(replayTally.accepted).toBeGreaterThan(10);
    expect(replayTally.rejectedByCode).toEqual({ 22: expect.any(Number) });
    const duplicates = outcomesOf(replaying.rentalId).filter((outcome) => outcome.verdict.reason === 'duplicate');
    expect(duplicates).toHaveLength(replayTally.rejectedByCode[22] ?? -1);
    expect(duplicates.some((outcome) => outcome.forwarded)).toBe(false);

    const files = await recordingsOf(honest.rentalId);
    expect(files).toHaveLength(1);
    const audit = await runAudit(files[0] ?? '');
    expect(audit.code).toBe(0);
    const submits = audit.lines.filter((line) => typeof line === 'object' && line !== null && 'valid' in line);
    expect(submits).toHaveLength(honestTally.submitted);
    expect(submits.every((line) => (line as { valid: boolean }).valid)).toBe(true);
  });

  it('refuses an unknown credential with error 24 and closes the connection', async () => {
    const client = await JsonRpcClient.connect({ host: '127.0.0.1', port: proxy.port });
    const closed = new Promise((resolve) => client.once('close', resolve));
    try {
      await client.request('mining.subscribe', ['test']);
      const reply = await client.request('mining.authorize', ['no-such-credential', 'x']);
      expect(reply.result).toBe(false);
      expect(reply.error).toEqual([24, expect.any(String), null]);
      await closed;
    } finally {
      client.destroy();
    }
  });

  it("reports pool-disconnected when the renter's pool dies mid-run, then pool-unreachable", async () => {
    const doomedPort = await freePort();
    const doomed = await startDevPool(doomedPort, POOL_ARGS);
    pools.push(doomed);
    const victim = contract(`stratum+tcp://127.0.0.1:${doomedPort}`);
    const running = rig(victim.credential);
    await waitFor(async () => outcomesOf(victim.rentalId).length > 3, { timeoutMs: 10_000, what: 'shares' });
    await stopProcess(doomed, 'SIGKILL');
    await waitFor(async () => eventsOf(victim.rentalId).includes('pool-unreachable'), {
      timeoutMs: 10_000,
      what: 'a reconnect finding the pool gone',
    });
    await running;
    const events = eventsOf(victim.rentalId);
    expect(events.slice(0, 4)).toEqual(['rig-connected', 'pool-connected', 'pool-disconnected', 'rig-disconnected']);
  });

  it('lets the rig go when its contract ends and refuses it afterwards, so no work goes to the renter unpaid', async () => {
    const endsAt = new Date(Date.now() + 2_500);
    const ending = contract(poolUrl, endsAt);
    const tally = await rig(ending.credential);
    const outcomes = outcomesOf(ending.rentalId);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.at > endsAt)).toEqual([]);
    expect(eventsOf(ending.rentalId)[1]).toBe('pool-connected');
    expect(eventsOf(ending.rentalId)).toContain('rig-disconnected');
    expect(tally.reconnects).toBe(0);
  });

  async function proxyIdle(): Promise<void> {
    await waitFor(async () => proxy.connectionCount === 0, { timeoutMs: 10_000, what: 'rigs gone' });
  }

  async function recordingsOf(rentalId: string): Promise<string[]> {
    const rentalDir = path.join(recordingDir, rentalId);
    const files: string[] = [];
    for (const day of await readdir(rentalDir)) {
      for (const file of await readdir(path.join(rentalDir, day))) files.push(path.join(rentalDir, day, file));
    }
    return files;
  }
});
