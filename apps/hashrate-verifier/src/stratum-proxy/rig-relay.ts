import {
  DEFAULT_DIFFICULTY,
  parseStratumLine,
  StratumParseError,
  StratumSession,
  targetForDifficulty,
  targetToLittleEndian,
  VardiffController,
  type JobNotification,
  type JsonRpcId,
  type ShareSubmission,
  type ShareVerdict,
  type StratumMessage,
  configureReply,
  DEFAULT_VERSION_ROLLING_MASK,
  MAX_NTIME_ROLL_SECONDS,
} from '@hashproof/stratum';
import {
  ConnectionClosedError,
  RequestTimeoutError,
  stratumError,
  type JsonRpcConnection,
  rejectError,
  STRATUM_CODES,
} from '@hashproof/stratum-net';
import { type ContractEndWatch } from './contract-end-watch';
import { shouldForward } from './forwarding-decision';
import { MessageRateLimiter } from './message-rate-limiter';
import { PoolFailure } from './pool-failure';
import { type ContractDirectory, type ProxyContract } from './proxy-contract';
import { type RecordedLine } from './recorded-line';
import { type RelayOptions } from './relay-options';
import { ResentJobDuplicateGuard } from './resent-job-duplicate.guard';
import { RIG_EXTRANONCE2_SIZE, subscribeReply } from './rig-handshake-replies';
import { RigJobMap, type UpstreamJobRef } from './rig-job-map';
import { type SessionRecorder, type SessionRecording } from './session-recorder';
import { type ConnectionEventKind, type PoolVerdict, type ShareOutcomeSink } from './share-outcome';
import { openUpstream, parsePoolCall, type UpstreamSession } from './upstream-handshake';
import { upstreamSubmitParams } from './upstream-submit';

export interface RigRelayContext {
  readonly connectionId: string;
  readonly directory: ContractDirectory;
  readonly endWatch: ContractEndWatch;
  readonly sink: ShareOutcomeSink;
  readonly recorder: SessionRecorder | null;
  readonly options: RelayOptions;
  readonly clock: () => number;
  readonly log: (line: string) => void;
}

/** A submit that could not even be parsed. */
const MALFORMED: ShareVerdict = {
  valid: false,
  reason: 'malformed',
  hash: null,
  achievedDifficulty: null,
  assignedDifficulty: null,
  blockCandidate: false,
};

/** Lines before authorize are kept for the recording; a rig that never authorizes is not recorded. */
const MAX_LINES_BEFORE_AUTHORIZE = 32;

interface UpstreamExtranonce {
  readonly extranonce1: Buffer;
  readonly extranonce2Size: number;
}

interface LatestUpstreamJob {
  readonly params: readonly unknown[];
  readonly job: JobNotification;
  readonly poolDifficulty: number;
  /** From the last set_extranonce before the job; null: the subscription's (jobs may beat the handshake's end). */
  readonly extranonce: UpstreamExtranonce | null;
}

/**
 * One rig connection relayed to the renter's pool. We act as the rig's pool: our own job ids, our
 * own difficulty (vardiff, never above the pool's), our own verdicts from a StratumSession fed with
 * exactly what the rig sees. Only shares the pool would want go upstream; its replies are evidence.
 */
export class RigRelay {
  private readonly judge = new StratumSession();
  private readonly jobs = new RigJobMap();
  private readonly duplicates = new ResentJobDuplicateGuard();
  private readonly vardiff: VardiffController;
  private readonly limiter: MessageRateLimiter;
  private readonly earlyLines: RecordedLine[] = [];
  private subscribed = false;
  private rigRollingMask: number | null = null;
  private credential: string | null = null;
  private contract: ProxyContract | null = null;
  private recording: SessionRecording | null = null;
  private upstream: UpstreamSession | null = null;
  private relaying = false;
  private closed = false;
  private poolDifficulty = DEFAULT_DIFFICULTY;
  private upstreamExtranonce: UpstreamExtranonce | null = null;
  private latestJob: LatestUpstreamJob | null = null;
  private rigDifficulty: number | null = null;
  private pendingOutcomes = 0;
  private stopWatchingEnd: () => void = () => undefined;
  private lastRelayed: { readonly upstreamJobId: string; readonly ntime: number } | null = null;
  private readonly settled: Promise<void>;
  private markSettled: () => void = () => undefined;

  constructor(
    private readonly rig: JsonRpcConnection,
    private readonly context: RigRelayContext,
  ) {
    const { options, clock } = context;
    this.vardiff = new VardiffController(options, clock());
    this.limiter = new MessageRateLimiter(options.maxMessagesPerSecond, options.messageBurst, clock());
    this.settled = new Promise((resolve) => (this.markSettled = resolve));
    rig.on('frame', (frame, line) => this.onRigLine(line, frame.type === 'call' ? frame.id : null, frame.type));
    rig.on('close', (reason, detail) => this.onRigClosed(`${reason}: ${detail}`));
  }

  /** Resolves once the connection is gone, every share has its outcome and the recording is flushed. */
  async finished(): Promise<void> {
    await this.settled;
  }

  private onRigLine(line: string, id: JsonRpcId, type: 'call' | 'response'): void {
    this.record('miner', line);
    if (type !== 'call') return;
    if (!this.limiter.allow(this.context.clock())) {
      this.rig.close('local-close', 'message flood');
      return;
    }
    let message: StratumMessage;
    try {
      message = parseStratumLine(line);
    } catch (error) {
      if (!(error instanceof StratumParseError)) throw error;
      if (line.includes('mining.submit')) this.judgedMalformed(this.context.clock());
      this.reply(id, null, stratumError(STRATUM_CODES.other, error.message));
      return;
    }
    switch (message.kind) {
      case 'configure':
        return this.onConfigure(message);
      case 'subscribe':
        return this.onSubscribe(message);
      case 'authorize':
        return void this.onAuthorize(message);
      case 'submit':
        return this.onSubmit(message);
      case 'other':
        return this.onOtherMethod(message.method, id);
      default:
        this.reply(id, null, stratumError(STRATUM_CODES.other, `${message.kind} is not a miner's message`));
    }
  }

  private onConfigure(message: Extract<StratumMessage, { kind: 'configure' }>): void {
    this.judge.fromMiner(message);
    // The standard mask ∩ the rig's, granted before the pool is known; the pool is asked for the same mask.
    const { reply, mask } = configureReply(message.extensions, message.options, DEFAULT_VERSION_ROLLING_MASK);
    this.rigRollingMask = mask;
    this.reply(message.id, reply);
  }

  private onSubscribe(message: Extract<StratumMessage, { kind: 'subscribe' }>): void {
    this.judge.fromMiner(message);
    this.subscribed = true;
    this.reply(message.id, subscribeReply(this.context.connectionId.slice(0, 8)));
  }

  private async onAuthorize(message: Extract<StratumMessage, { kind: 'authorize' }>): Promise<void> {
    if (!this.subscribed)
      return this.reply(message.id, null, stratumError(STRATUM_CODES.notSubscribed, 'Not subscribed'));
    this.judge.fromMiner(message);
    if (this.credential !== null) {
      // One contract per connection: the same credential again is fine, another one is not.
      const same = message.worker === this.credential;
      return this.reply(message.id, same, same ? null : rejectError('unauthorized'));
    }
    this.credential = message.worker;
    const contract = await this.findContract(message.worker);
    if (this.closed) return;
    if (!contract || contract.endsAt.getTime() <= this.context.clock()) {
      this.send({
        id: message.id,
        result: false,
        error: stratumError(STRATUM_CODES.unauthorized, 'Unknown, revoked or ended credential'),
      });
      return this.rig.close('local-close', 'unknown, revoked or ended credential');
    }
    this.startRecording(contract);
    this.contract = contract;
    // Past its end, or once it is revoked, the rig's work would be the renter's for free.
    this.stopWatchingEnd = this.context.endWatch.watch(message.worker, contract.endsAt, (reason) =>
      this.rig.close('local-close', reason),
    );
    this.emit('rig-connected', this.rig.remoteAddress);
    const upstream = await this.connectUpstream(contract);
    if (!upstream) {
      this.reply(message.id, null, stratumError(STRATUM_CODES.other, "The renter's pool cannot be reached"));
      return this.rig.close('local-close', "renter's pool unavailable");
    }
    if (this.closed) return upstream.client.close();
    this.upstream = upstream;
    upstream.client.on('close', (reason, detail) => this.onUpstreamClosed(`${reason}: ${detail}`));
    this.emit('pool-connected', contract.upstream.url);
    this.reply(message.id, true);
    this.relaying = true;
    if (this.latestJob) this.relayJob(this.latestJob, true);
  }

  private async findContract(worker: string): Promise<ProxyContract | null> {
    try {
      return await this.context.directory.findByCredential(worker);
    } catch (error) {
      // Our own outage is not the rig's fault, but without the contract nothing can be credited: refuse.
      this.context.log(`credential lookup failed: ${(error as Error).message}`);
      return null;
    }
  }

  private async connectUpstream(contract: ProxyContract): Promise<UpstreamSession | null> {
    try {
      return await openUpstream(
        contract.upstream,
        {
          deadlineMs: this.context.clock() + this.context.options.upstreamHandshakeTimeoutMs,
          versionRollingMask: this.rigRollingMask,
          ...(this.context.options.upstreamConnection ? { connection: this.context.options.upstreamConnection } : {}),
        },
        (method, params, id) => this.onPoolCall(method, params, id),
      );
    } catch (error) {
      if (!(error instanceof PoolFailure)) throw error;
      this.emit(error.reason === 'refused-worker' ? 'pool-refused-worker' : 'pool-unreachable', error.message);
      return null;
    }
  }

  private onPoolCall(method: string, params: unknown, id: JsonRpcId): void {
    let message: StratumMessage;
    try {
      message = parsePoolCall(method, params, id);
    } catch (error) {
      this.context.log(`ignoring a malformed ${method} from the pool: ${(error as Error).message}`);
      return;
    }
    switch (message.kind) {
      case 'set-difficulty':
        this.poolDifficulty = message.difficulty;
        return;
      case 'set-extranonce':
        if (message.extranonce2Size < RIG_EXTRANONCE2_SIZE) {
          this.context.log(`pool set extranonce2 size ${message.extranonce2Size}: no room for the rig`);
          this.upstream?.client.close();
          return;
        }
        this.upstreamExtranonce = { extranonce1: message.extranonce1, extranonce2Size: message.extranonce2Size };
        return;
      case 'notify':
        return this.onPoolJob(message.job, params as readonly unknown[]);
    }
  }

  private onPoolJob(job: JobNotification, params: readonly unknown[]): void {
    this.latestJob = { params, job, poolDifficulty: this.poolDifficulty, extranonce: this.upstreamExtranonce };
    if (!this.relaying) return;
    this.retarget();
    this.relayJob(this.latestJob, job.cleanJobs);
  }

  /** Sends the rig an upstream job under a new id of ours, after the difficulty it is to be mined at. */
  private relayJob(latest: LatestUpstreamJob, cleanJobs: boolean): void {
    const upstream = this.upstream;
    if (!upstream) return;
    const { extranonce1, extranonce2Size } = latest.extranonce ?? upstream;
    const extranonce2Padding = Buffer.alloc(extranonce2Size - RIG_EXTRANONCE2_SIZE);
    const ceiling = latest.poolDifficulty;
    if (this.rigDifficulty === null) {
      this.setRigDifficulty(this.clampDifficulty(this.context.options.startDifficulty ?? ceiling, ceiling));
    } else if (this.rigDifficulty > ceiling) {
      this.setRigDifficulty(ceiling);
    }
    const rigJobId = this.jobs.add({
      upstreamJobId: latest.job.jobId,
      poolDifficulty: ceiling,
      poolTarget: targetToLittleEndian(targetForDifficulty(ceiling)),
      extranonce2Padding,
    });
    const params = [...latest.params];
    params[0] = rigJobId;
    params[2] = Buffer.concat([latest.job.coinb1, extranonce1, extranonce2Padding]).toString('hex');
    params[7] = this.ntimeFor(latest.job).toString(16).padStart(8, '0');
    params[8] = cleanJobs;
    this.send({ id: null, method: 'mining.notify', params });
  }

  /**
   * A job sent again (after a retarget) gets a later ntime, as a rig rolling ntime would use: many miners
   * restart their extranonce2 search on every notify, and identical work would only yield duplicates.
   * Never past half the roll window the pool allows, so the pool still takes every share.
   */
  private ntimeFor(job: JobNotification): number {
    const again = this.lastRelayed?.upstreamJobId === job.jobId ? this.lastRelayed.ntime : null;
    const now = Math.floor(this.context.clock() / 1000);
    const ntime =
      again === null ? job.ntime : Math.min(Math.max(again + 1, now), job.ntime + MAX_NTIME_ROLL_SECONDS / 2);
    this.lastRelayed = { upstreamJobId: job.jobId, ntime };
    return ntime;
  }

  /** True when the difficulty changed (it then applies to the next job sent). */
  private retarget(): boolean {
    if (this.rigDifficulty === null || !this.latestJob) return false;
    const next = this.vardiff.retarget(this.rigDifficulty, this.context.clock());
    if (next === null) return false;
    const clamped = this.clampDifficulty(next, this.latestJob.poolDifficulty);
    if (clamped === this.rigDifficulty) return false;
    this.setRigDifficulty(clamped);
    return true;
  }

  private clampDifficulty(difficulty: number, ceiling: number): number {
    const { minDifficulty, maxDifficulty } = this.context.options;
    return Math.min(ceiling, maxDifficulty, Math.max(minDifficulty, difficulty));
  }

  private setRigDifficulty(difficulty: number): void {
    this.rigDifficulty = difficulty;
    this.send({ id: null, method: 'mining.set_difficulty', params: [difficulty] });
  }

  private onSubmit(message: Extract<StratumMessage, { kind: 'submit' }>): void {
    const at = this.context.clock();
    const job = this.jobs.get(message.share.jobId);
    const verdict = this.crossJobChecked(this.judge.fromMiner(message) ?? MALFORMED, job);
    this.reply(message.id, verdict.valid, verdict.valid ? null : rejectError(verdict.reason ?? 'malformed'));
    const upstream = this.upstream;
    if (job && upstream?.client.isOpen && this.contract && shouldForward(verdict, job.poolTarget)) {
      this.forward(message.share, job, upstream, this.contract, verdict, at);
    } else {
      this.judged(verdict, at, false, null);
    }
    if (verdict.valid) {
      this.vardiff.recordShare();
      if (this.retarget() && this.latestJob) this.relayJob(this.latestJob, false);
    }
  }

  private crossJobChecked(verdict: ShareVerdict, job: UpstreamJobRef | undefined): ShareVerdict {
    if (!job || verdict.hash === null || !this.duplicates.seenBefore(job.upstreamJobId, verdict.hash)) return verdict;
    return { ...verdict, valid: false, reason: 'duplicate' };
  }

  private forward(
    share: ShareSubmission,
    job: UpstreamJobRef,
    upstream: UpstreamSession,
    contract: ProxyContract,
    verdict: ShareVerdict,
    at: number,
  ): void {
    this.pendingOutcomes++;
    upstream.client
      .request(
        'mining.submit',
        upstreamSubmitParams(share, job, contract.upstream.worker),
        this.context.options.poolReplyTimeoutMs,
      )
      .then(
        (reply) => {
          const accepted = reply.result === true && reply.error === null;
          const poolError = accepted ? undefined : JSON.stringify(reply.error ?? reply.result);
          this.judged(verdict, at, true, accepted ? 'accepted' : 'rejected', poolError);
        },
        (error: unknown) => {
          if (!(error instanceof RequestTimeoutError || error instanceof ConnectionClosedError)) throw error;
          this.judged(verdict, at, true, 'no-reply', error.message);
        },
      )
      .finally(() => {
        this.pendingOutcomes--;
        this.settleIfDone();
      });
  }

  private judgedMalformed(at: number): void {
    this.judged(MALFORMED, at, false, null);
  }

  private judged(
    verdict: ShareVerdict,
    at: number,
    forwarded: boolean,
    poolVerdict: PoolVerdict | null,
    poolError?: string,
  ): void {
    if (!this.contract) return;
    this.context.sink.shareJudged({
      rentalId: this.contract.rentalId,
      connectionId: this.context.connectionId,
      at: new Date(at),
      verdict,
      forwarded,
      poolVerdict,
      ...(poolError === undefined ? {} : { poolError }),
      blockCandidate: verdict.blockCandidate,
    });
  }

  private onOtherMethod(method: string, id: JsonRpcId): void {
    if (id === null) return;
    // Common extras: the rig's view never changes extranonce, and its difficulty is ours to set.
    if (method === 'mining.extranonce.subscribe' || method === 'mining.suggest_difficulty') return this.reply(id, true);
    this.reply(id, null, stratumError(STRATUM_CODES.other, `Method not found: ${method}`));
  }

  private onUpstreamClosed(detail: string): void {
    if (this.closed) return;
    this.emit('pool-disconnected', detail);
    this.rig.close('local-close', "renter's pool disconnected");
  }

  private onRigClosed(detail: string): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatchingEnd();
    this.relaying = false;
    if (this.contract) this.emit('rig-disconnected', detail);
    this.settleIfDone();
  }

  /** The upstream outlives the rig until the pool answered every forwarded share (or timed out). */
  private settleIfDone(): void {
    if (!this.closed || this.pendingOutcomes > 0) return;
    this.upstream?.client.close();
    const recording = this.recording;
    this.recording = null;
    void (recording?.close() ?? Promise.resolve()).finally(() => this.markSettled());
  }

  private emit(kind: ConnectionEventKind, detail?: string): void {
    if (!this.contract) return;
    this.context.sink.connectionChanged({
      rentalId: this.contract.rentalId,
      connectionId: this.context.connectionId,
      at: new Date(this.context.clock()),
      kind,
      ...(detail === undefined ? {} : { detail }),
    });
  }

  private startRecording(contract: ProxyContract): void {
    if (!this.context.recorder) return;
    this.recording = this.context.recorder.open(contract.rentalId, this.context.connectionId);
    for (const line of this.earlyLines.splice(0)) this.recording.append(line);
  }

  private record(from: RecordedLine['from'], line: string): void {
    const event = { ts: this.context.clock(), from, line };
    if (this.recording) this.recording.append(event);
    else if (!this.contract && this.context.recorder && this.earlyLines.length < MAX_LINES_BEFORE_AUTHORIZE) {
      this.earlyLines.push(event);
    }
  }

  private reply(id: JsonRpcId, result: unknown, error: readonly unknown[] | null = null): void {
    this.send({ id, result: error === null ? result : null, error });
  }

  /** Everything the rig receives is also what its StratumSession and its recording see. */
  private send(message: Record<string, unknown>): void {
    if (this.closed) return;
    const line = JSON.stringify(message);
    this.judge.fromPool(parseStratumLine(line));
    this.record('pool', line);
    this.rig.send(message);
  }
}
