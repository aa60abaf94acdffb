/** At most this much lag is made up in a burst; beyond it the hashes are simply lost, as on a real rig. */
const MAX_BACKLOG_MS = 1000;

/** Hands out hashes at `hashesPerSecond`: what the elapsed time allows minus what was already done. */
export class HashBudget {
  private done = 0;
  private startMs: number;

  constructor(
    private readonly hashesPerSecond: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.startMs = clock();
  }

  take(max: number): number {
    const now = this.clock();
    const backlogStart = now - MAX_BACKLOG_MS;
    if (this.startMs + (this.done / this.hashesPerSecond) * 1000 < backlogStart) {
      this.startMs = backlogStart;
      this.done = 0;
    }
    const allowed = Math.floor((this.hashesPerSecond * (now - this.startMs)) / 1000) - this.done;
    const granted = Math.max(0, Math.min(max, allowed));
    this.done += granted;
    return granted;
  }
}
