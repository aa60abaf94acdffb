import { randomBytes } from 'node:crypto';
import { parseStratumLine, type JobNotification } from '@hashproof/stratum';
import { type JsonRpcClient } from '@hashproof/stratum-net';
import { HashBudget } from '../mining/hash-budget';
import { submitParams, type FoundShare } from '../mining/found-share';
import { MinerJob } from '../mining/miner-job';
import { linkToPool, type LinkedPool } from './pool-link';
import { type RigOptions } from './rig-options';
import { emptyRigStats, errorCode, type RigStats } from './rig-stats';
import { statusLine } from './status-line';
import { WorkQueue } from './work-queue';

/** Hashing happens in slices this long apart, so sockets and timers keep being served. */
const SLICE_MS = 10;
/** And at most this many hashes per slice, whatever the rate: one slice must stay short. */
const MAX_HASHES_PER_SLICE = 5_000;
/** Retries of a first connection back off up to this, like a miner waiting for its pool to come up. */
const MAX_CONNECT_RETRY_MS = 10_000;

/**
 * A simulated mining rig: real double SHA-256 at a chosen rate against a Stratum V1 pool, honest
 * or with one cheat. Reconnects when the pool drops it; `stop` ends everything it started.
 */
export class RigSimulator {
  private stats: RigStats = emptyRigStats();
  private readonly budget: HashBudget;
  private readonly queue = new WorkQueue();
  private link: LinkedPool | null = null;
  private miner: MinerJob | null = null;
  private minerGeneration = -1;
  private pendingInvalidShares = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;

  constructor(private readonly options: RigOptions) {
    this.budget = new HashBudget(this.miningRate);
  }

  /** Hashes per second actually mined: less than claimed when under-delivering. */
  get miningRate(): number {
    const { cheat, hashrate } = this.options;
    return cheat.kind === 'underdeliver' ? hashrate * cheat.fraction : hashrate;
  }

  get snapshot(): RigStats {
    return { ...this.stats, difficulty: this.link ? this.queue.difficultyInForce : null };
  }

  /** Resolves once connected and authorized (at once when keeping on connecting); mining starts with the first job. */
  async start(): Promise<void> {
    this.running = true;
    if (this.options.keepConnecting) this.connectUntilLinked(this.reconnectDelayMs);
    else await this.connect();
    this.every(SLICE_MS, () => this.mineSlice());
    if (this.options.cheat.kind === 'flap') this.every(this.options.cheat.intervalMs, () => this.flap());
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.link?.client.close();
    this.link = null;
  }

  statusLine(): string {
    return statusLine(this.options, this.snapshot, this.miningRate);
  }

  private async connect(): Promise<void> {
    const { endpoint, worker, password, versionRolling } = this.options;
    const link = await linkToPool(endpoint, { worker, password, versionRolling }, (client, method, params) =>
      this.onPoolCall(client, method, params),
    );
    this.link = link;
    this.minerGeneration = -1;
    link.client.on('close', (reason) => this.onDisconnect(link, reason));
  }

  private connectUntilLinked(delayMs: number): void {
    if (!this.running) return;
    this.connect().catch((error: unknown) => {
      this.log(`connect failed: ${error instanceof Error ? error.message : String(error)}; retrying in ${delayMs} ms`);
      this.after(delayMs, () => this.connectUntilLinked(Math.min(delayMs * 2, MAX_CONNECT_RETRY_MS)));
    });
  }

  private get reconnectDelayMs(): number {
    return this.options.reconnectDelayMs ?? 500;
  }

  private onPoolCall(_client: JsonRpcClient, method: string, params: unknown): void {
    if (method !== 'mining.set_difficulty' && method !== 'mining.notify') return;
    const message = parseStratumLine(JSON.stringify({ id: null, method, params }));
    if (message.kind === 'set-difficulty') this.queue.setDifficulty(message.difficulty);
    if (message.kind === 'notify') this.queue.notify(message.job);
  }

  private onDisconnect(link: LinkedPool, reason: string): void {
    if (this.link !== link || !this.running) return;
    this.link = null;
    this.log(`disconnected (${reason}); reconnecting`);
    this.after(this.reconnectDelayMs, () => this.reconnect());
  }

  private reconnect(): void {
    if (!this.running) return;
    this.connect().then(
      () => (this.stats = { ...this.stats, reconnects: this.stats.reconnects + 1 }),
      (error: unknown) => {
        this.log(`reconnect failed: ${error instanceof Error ? error.message : String(error)}`);
        this.after(this.reconnectDelayMs, () => this.reconnect());
      },
    );
  }

  private flap(): void {
    this.log('flap: dropping the connection');
    this.link?.client.destroy();
  }

  private mineSlice(): void {
    const miner = this.currentMiner();
    const hashes = this.budget.take(MAX_HASHES_PER_SLICE);
    if (!miner || hashes === 0) return;
    this.stats = { ...this.stats, hashes: this.stats.hashes + hashes };
    for (const share of this.work(miner, hashes)) this.submit(share);
  }

  /** What the slice's hashes turn into: real shares, or (cheating) shares that only look like them. */
  private work(miner: MinerJob, hashes: number): FoundShare[] {
    if (this.options.cheat.kind !== 'invalid-nonces') return miner.search(hashes);
    this.pendingInvalidShares += hashes / (miner.difficulty * 2 ** 32);
    const count = Math.floor(this.pendingInvalidShares);
    this.pendingInvalidShares -= count;
    return Array.from({ length: count }, () => miner.invalidShare());
  }

  private currentMiner(): MinerJob | null {
    const queued = this.queue.current;
    if (!this.link || !queued) return null;
    if (this.minerGeneration !== this.queue.generation) {
      const { extranonce1, extranonce2Size } = this.link.subscription;
      const job = this.options.cheat.kind === 'foreign-jobs' ? foreignJob(queued.job) : queued.job;
      this.miner = new MinerJob(job, {
        extranonce1,
        extranonce2Size,
        difficulty: queued.difficulty,
        versionRollingMask: this.link.versionRollingMask,
      });
      this.minerGeneration = this.queue.generation;
    }
    return this.miner;
  }

  private submit(share: FoundShare, isReplay = false): void {
    const client = this.link?.client;
    if (!client) return;
    this.stats = { ...this.stats, submitted: this.stats.submitted + 1 };
    client.request('mining.submit', submitParams(this.options.worker, share)).then(
      (reply) => {
        this.onReply(reply.result === true ? null : errorCode(reply.error), share);
        if (reply.result === true && !isReplay && this.options.cheat.kind === 'replay') this.submit(share, true);
      },
      () => undefined, // the connection went away: the share is lost, as on a real rig
    );
  }

  private onReply(code: number | null, share: FoundShare): void {
    const { stats } = this;
    this.stats =
      code === null
        ? { ...stats, accepted: stats.accepted + 1, acceptedWork: stats.acceptedWork + share.difficulty }
        : { ...stats, rejectedByCode: { ...stats.rejectedByCode, [code]: (stats.rejectedByCode[code] ?? 0) + 1 } };
  }

  private every(intervalMs: number, task: () => void): void {
    const timer = setInterval(task, intervalMs);
    this.timers.add(timer);
  }

  private after(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    this.timers.add(timer);
  }

  private log(line: string): void {
    this.options.log?.(`rig ${this.options.worker}: ${line}`);
  }
}

/** The same kind of job as the pool's, on a parent the pool never sent, under an id it never issued. */
function foreignJob(job: JobNotification): JobNotification {
  return { ...job, jobId: `foreign-${randomBytes(4).toString('hex')}`, prevhash: randomBytes(32) };
}
