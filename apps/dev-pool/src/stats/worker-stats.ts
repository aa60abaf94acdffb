import { addShare, estimateHashrate, NO_WORK, type DeliveredWork, type HashrateEstimate } from '@hashproof/hashrate';
import { type RejectReason } from '@hashproof/stratum';

export interface WorkerSnapshot {
  readonly worker: string;
  readonly accepted: number;
  readonly rejected: Partial<Record<RejectReason, number>>;
  readonly delivered: DeliveredWork;
  readonly blockCandidates: number;
  readonly seconds: number;
  /** null until the worker has been connected for a moment. */
  readonly estimate: HashrateEstimate | null;
}

/**
 * One worker's tally across its connections; work is the sum of assigned difficulties of accepted shares.
 * The estimate's window is the time the worker was connected: time after a rig left is not work it owed.
 */
export class WorkerStats {
  private delivered = NO_WORK;
  private accepted = 0;
  private blockCandidates = 0;
  private readonly rejected: Partial<Record<RejectReason, number>> = {};
  private connectedMs = 0;
  private openConnections = 0;
  private connectedSinceMs = 0;

  constructor(readonly worker: string) {}

  connected(nowMs: number): void {
    if (this.openConnections++ === 0) this.connectedSinceMs = nowMs;
  }

  disconnected(nowMs: number): void {
    if (this.openConnections === 0) return;
    if (--this.openConnections === 0) this.connectedMs += nowMs - this.connectedSinceMs;
  }

  accept(assignedDifficulty: number, blockCandidate: boolean): void {
    this.accepted++;
    this.delivered = addShare(this.delivered, assignedDifficulty);
    if (blockCandidate) this.blockCandidates++;
  }

  reject(reason: RejectReason): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
  }

  snapshot(nowMs: number, difficultyInForce: number): WorkerSnapshot {
    const openMs = this.openConnections > 0 ? nowMs - this.connectedSinceMs : 0;
    const seconds = (this.connectedMs + openMs) / 1000;
    return {
      worker: this.worker,
      accepted: this.accepted,
      rejected: { ...this.rejected },
      delivered: this.delivered,
      blockCandidates: this.blockCandidates,
      seconds,
      estimate: seconds > 0 ? estimateHashrate({ delivered: this.delivered, seconds, difficultyInForce }) : null,
    };
  }
}
