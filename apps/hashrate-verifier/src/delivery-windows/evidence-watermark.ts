import type { PartitionProgress } from '@hashproof/messaging';

const keyOf = ({ topic, partition }: PartitionProgress): string => `${topic}:${partition}`;

/**
 * The moment up to which every evidence event has been applied. A window may be judged only once the
 * watermark has passed its end (plus grace): were windows closed by the wall clock, a lagging or restarted
 * consumer would have them judged on missing shares, and an honest provider flagged.
 *
 * It works by checkpoints: the topic ends seen at time T are reached once the group has committed past all
 * of them; everything produced before T has then been applied, so the watermark becomes T.
 */
export class EvidenceWatermark {
  private pending: { readonly observedAt: Date; readonly ends: readonly PartitionProgress[] } | null = null;
  private reached: Date | null = null;

  /** Feeds what was seen at `observedAt`; returns the watermark, null until a first checkpoint is reached. */
  advance(observedAt: Date, progress: readonly PartitionProgress[]): Date | null {
    this.pending ??= { observedAt, ends: progress };
    const committed = new Map(progress.map((partition) => [keyOf(partition), partition.committed]));
    if (this.pending.ends.every((end) => end.end <= end.start || (committed.get(keyOf(end)) ?? -1n) >= end.end)) {
      this.reached = this.pending.observedAt;
      this.pending = null;
    }
    return this.reached;
  }
}
