import {
  parseStratumLine,
  StratumParseError,
  StratumSession,
  type JsonRpcId,
  type ShareSubmission,
  type StratumMessage,
  VardiffController,
  configureReply,
} from '@hashproof/stratum';
import {
  stratumError,
  type JsonRpcConnection,
  type StratumError,
  rejectError,
  STRATUM_CODES,
} from '@hashproof/stratum-net';
import { type PoolStats } from '../stats/pool-stats';
import { type JobTemplate } from '../template/job-template';
import { notifyParams } from '../template/notify-params';
import { type PoolConfig } from './pool-config';

export interface MinerSessionContext {
  readonly config: PoolConfig;
  readonly stats: PoolStats;
  readonly extranonce1: Buffer;
  readonly nextJobId: () => string;
  readonly currentTemplate: () => JobTemplate;
  readonly clock: () => number;
  readonly log: (line: string) => void;
}

const NOT_SUBSCRIBED = stratumError(STRATUM_CODES.notSubscribed, 'Not subscribed');

/**
 * The pool's side of one connection. Everything it sends is also fed to a StratumSession, which
 * then judges each submit exactly as the verifier would from the middle of the wire.
 */
export class MinerSession {
  private readonly judge = new StratumSession();
  private readonly vardiff: VardiffController;
  private readonly workers = new Set<string>();
  private subscribed = false;
  private difficulty: number;

  constructor(
    private readonly connection: JsonRpcConnection,
    private readonly context: MinerSessionContext,
  ) {
    this.difficulty = context.config.startDifficulty;
    this.vardiff = new VardiffController(context.config, context.clock());
    connection.on('frame', (frame, line) => {
      if (frame.type === 'call') this.onLine(line, frame.id);
    });
  }

  /** A new block: clean_jobs, after a retarget if one is due. */
  /** The connection closed: its workers stop accruing time. */
  ended(): void {
    for (const worker of this.workers) this.context.stats.disconnected(worker);
  }

  newBlock(template: JobTemplate): void {
    if (!this.subscribed) return;
    const next = this.vardiff.retarget(this.difficulty, this.context.clock());
    if (next !== null) this.sendDifficulty(next);
    this.sendJob(template, true);
  }

  private onLine(line: string, id: JsonRpcId): void {
    let message: StratumMessage;
    try {
      message = parseStratumLine(line);
    } catch (error) {
      if (!(error instanceof StratumParseError)) throw error;
      this.reply(id, null, stratumError(STRATUM_CODES.other, error.message));
      return;
    }
    this.onMessage(message, id);
  }

  private onMessage(message: StratumMessage, id: JsonRpcId): void {
    switch (message.kind) {
      case 'configure':
        return this.onConfigure(message);
      case 'subscribe':
        return this.onSubscribe(message);
      case 'authorize':
        return this.onAuthorize(message);
      case 'submit':
        return this.onSubmit(message, message.share);
      case 'other':
        return this.onOtherMethod(message.method, id);
      default:
        this.reply(id, null, stratumError(STRATUM_CODES.other, `${message.kind} is not a miner's message`));
    }
  }

  private onConfigure(message: Extract<StratumMessage, { kind: 'configure' }>): void {
    this.judge.fromMiner(message);
    const { reply } = configureReply(message.extensions, message.options, this.context.config.versionRollingMask);
    this.reply(message.id, reply);
  }

  private onSubscribe(message: Extract<StratumMessage, { kind: 'subscribe' }>): void {
    this.judge.fromMiner(message);
    const subscriptionId = this.context.extranonce1.toString('hex');
    this.reply(message.id, [
      [
        ['mining.set_difficulty', subscriptionId],
        ['mining.notify', subscriptionId],
      ],
      this.context.extranonce1.toString('hex'),
      this.context.config.extranonce2Size,
    ]);
    if (this.subscribed) return;
    this.subscribed = true;
    this.sendDifficulty(this.difficulty);
    this.sendJob(this.context.currentTemplate(), true);
  }

  private onAuthorize(message: Extract<StratumMessage, { kind: 'authorize' }>): void {
    if (!this.subscribed) return this.reply(message.id, null, NOT_SUBSCRIBED);
    this.judge.fromMiner(message);
    const allowed = /^[\w.\-@+]{1,128}$/.test(message.worker);
    this.reply(message.id, allowed);
    if (!allowed) return;
    if (!this.workers.has(message.worker)) this.context.stats.connected(message.worker);
    this.workers.add(message.worker);
    this.context.stats.noteDifficulty(message.worker, this.difficulty);
    this.context.log(`authorized ${message.worker} from ${this.connection.remoteAddress}`);
  }

  private onSubmit(message: Extract<StratumMessage, { kind: 'submit' }>, share: ShareSubmission): void {
    if (!this.subscribed) return this.reply(message.id, null, NOT_SUBSCRIBED);
    const verdict = this.judge.fromMiner(message);
    if (verdict === null) return;
    const worker = this.workers.has(share.worker) ? this.context.stats.worker(share.worker) : null;
    if (!verdict.valid || verdict.assignedDifficulty === null) {
      const reason = verdict.reason ?? 'malformed';
      worker?.reject(reason);
      return this.reply(message.id, null, rejectError(reason));
    }
    worker?.accept(verdict.assignedDifficulty, verdict.blockCandidate);
    if (verdict.blockCandidate) this.context.log(`block candidate from ${share.worker} on job ${share.jobId}`);
    this.reply(message.id, true);
    this.vardiff.recordShare();
    this.retargetNow();
  }

  private onOtherMethod(method: string, id: JsonRpcId): void {
    if (id === null) return;
    // Common extras miners send; neither changes anything for this pool, so both are simply acknowledged.
    if (method === 'mining.extranonce.subscribe' || method === 'mining.suggest_difficulty') {
      return this.reply(id, true);
    }
    this.reply(id, null, stratumError(STRATUM_CODES.other, `Method not found: ${method}`));
  }

  /** A new difficulty applies to jobs sent after it, so the current block is re-sent under a new id. */
  private retargetNow(): void {
    const next = this.vardiff.retarget(this.difficulty, this.context.clock());
    if (next === null) return;
    this.sendDifficulty(next);
    this.sendJob(this.context.currentTemplate(), false);
  }

  private sendDifficulty(difficulty: number): void {
    this.difficulty = difficulty;
    for (const worker of this.workers) this.context.stats.noteDifficulty(worker, difficulty);
    this.send({ id: null, method: 'mining.set_difficulty', params: [difficulty] });
  }

  private sendJob(template: JobTemplate, cleanJobs: boolean): void {
    this.send({
      id: null,
      method: 'mining.notify',
      params: notifyParams(this.context.nextJobId(), template, cleanJobs),
    });
  }

  private reply(id: JsonRpcId, result: unknown, error: StratumError | null = null): void {
    this.send({ id, result: error === null ? result : null, error });
  }

  private send(message: Record<string, unknown>): void {
    const line = JSON.stringify(message);
    this.judge.fromPool(parseStratumLine(line));
    this.connection.send(message);
  }
}
