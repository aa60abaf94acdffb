import { parseVersionRollingMask } from '../protocol/configure-result.parser';
import { type JsonRpcId, type ShareSubmission, type StratumMessage } from '../protocol/stratum-message';
import { parseSubscribeResult } from '../protocol/subscribe-result.parser';
import { JobBook } from './job-book';
import { PreparedJob } from './prepared-job';
import { rejected, type ShareVerdict } from './share-verdict';
import { validateShare } from './share-validator';

/** Stratum's implicit difficulty before the first mining.set_difficulty. */
export const DEFAULT_DIFFICULTY = 1;

type PendingRequest =
  { readonly kind: 'subscribe' | 'configure' } | { readonly kind: 'authorize'; readonly worker: string };

/**
 * One miner↔pool connection as seen from the middle: it follows subscription, version-rolling
 * negotiation, authorization, difficulty and jobs, and judges every submit independently of
 * what the pool answers (matching the pool's replies to submits is the caller's business).
 */
export class StratumSession {
  private extranonce1: Buffer = Buffer.alloc(0);
  private extranonce2Size: number | null = null;
  private difficulty = DEFAULT_DIFFICULTY;
  private versionRollingMask = 0;
  private readonly jobs = new JobBook();
  private readonly authorizedWorkers = new Set<string>();
  private readonly pending = new Map<string, PendingRequest>();

  /** A line the miner sent. Returns the verdict when it was a submit. */
  fromMiner(message: StratumMessage): ShareVerdict | null {
    switch (message.kind) {
      case 'subscribe':
      case 'configure':
        this.remember(message.id, { kind: message.kind });
        return null;
      case 'authorize':
        // Trusted until the pool refuses: recordings may lack the pool's reply.
        this.authorizedWorkers.add(message.worker);
        this.remember(message.id, { kind: 'authorize', worker: message.worker });
        return null;
      case 'submit':
        return this.judge(message.share);
      default:
        return null;
    }
  }

  /** A line the pool sent. */
  fromPool(message: StratumMessage): void {
    switch (message.kind) {
      case 'set-difficulty':
        this.difficulty = message.difficulty;
        return;
      case 'set-extranonce':
        this.extranonce1 = message.extranonce1;
        this.extranonce2Size = message.extranonce2Size;
        return;
      case 'notify':
        this.jobs.add(
          new PreparedJob(message.job, {
            extranonce1: this.extranonce1,
            extranonce2Size: this.extranonce2Size,
            difficulty: this.difficulty,
          }),
        );
        return;
      case 'response':
        this.onResponse(message.id, message.result, message.error);
        return;
    }
  }

  get difficultyInForce(): number {
    return this.difficulty;
  }

  private judge(share: ShareSubmission): ShareVerdict {
    if (!this.authorizedWorkers.has(share.worker)) return rejected('unauthorized');
    const lookup = this.jobs.lookup(share.jobId);
    if ('reason' in lookup) return rejected(lookup.reason);
    return validateShare({
      job: lookup.job,
      share,
      versionRollingMask: this.versionRollingMask,
      seen: lookup.seenShares,
    });
  }

  private onResponse(id: JsonRpcId, result: unknown, error: unknown): void {
    const request = this.pending.get(String(id));
    if (!request) return;
    this.pending.delete(String(id));
    const refused = error !== null || result === false;
    switch (request.kind) {
      case 'subscribe':
        if (!refused)
          ({ extranonce1: this.extranonce1, extranonce2Size: this.extranonce2Size } = parseSubscribeResult(result));
        return;
      case 'configure':
        this.versionRollingMask = refused ? 0 : parseVersionRollingMask(result);
        return;
      case 'authorize':
        if (refused) this.authorizedWorkers.delete(request.worker);
        return;
    }
  }

  private remember(id: JsonRpcId, request: PendingRequest): void {
    if (id !== null) this.pending.set(String(id), request);
  }
}
