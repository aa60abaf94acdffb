import { type ContractDirectory } from './proxy-contract';

/** setTimeout takes at most 2^31 - 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Watched {
  readonly credential: string;
  endsAt: Date;
  timer: NodeJS.Timeout | undefined;
  readonly onEnded: (reason: string) => void;
}

/**
 * Lets each rig go when its contract ends: at the end it was admitted with, or sooner when the directory says a
 * cancellation or termination brought the end forward or revoked the credential. The directory is the database
 * every replica shares, so whichever replica consumed the ending, the rigs on all of them are let go within a
 * beat; one query per beat covers every rig this replica holds.
 */
export class ContractEndWatch {
  private readonly watched = new Set<Watched>();
  private beat: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly directory: ContractDirectory,
    private readonly intervalMs: number,
    private readonly clock: () => number,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.beat = setInterval(() => {
      this.checking = this.checking.then(() => this.check());
    }, this.intervalMs);
    this.beat.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.beat);
    await this.checking;
    for (const watched of this.watched) clearTimeout(watched.timer);
    this.watched.clear();
  }

  /** Calls `onEnded` once, when the contract ends or its credential is revoked; the returned function stops it. */
  watch(credential: string, endsAt: Date, onEnded: (reason: string) => void): () => void {
    const watched: Watched = { credential, endsAt, timer: undefined, onEnded };
    this.watched.add(watched);
    this.schedule(watched);
    return () => this.forget(watched);
  }

  /** Looks every watched credential up at once and applies what changed. */
  async check(): Promise<void> {
    const looked = [...this.watched];
    if (looked.length === 0) return;
    let ends: ReadonlyMap<string, Date>;
    try {
      ends = await this.directory.endsByCredential([...new Set(looked.map((watched) => watched.credential))]);
    } catch (error) {
      // Our own outage: each rig keeps the end it has, and the next beat looks again.
      this.log(`contract end lookup failed: ${(error as Error).message}`);
      return;
    }
    for (const watched of looked) {
      if (!this.watched.has(watched)) continue;
      const endsAt = ends.get(watched.credential);
      if (!endsAt) {
        this.end(watched, 'credential revoked');
      } else if (endsAt < watched.endsAt) {
        watched.endsAt = endsAt;
        this.schedule(watched);
      }
    }
  }

  private schedule(watched: Watched): void {
    clearTimeout(watched.timer);
    const remainingMs = watched.endsAt.getTime() - this.clock();
    if (remainingMs <= 0) return this.end(watched, 'contract ended');
    // Timers overflow past ~24.8 days, and contracts run longer: wake up and look again.
    watched.timer = setTimeout(() => this.schedule(watched), Math.min(remainingMs, MAX_TIMER_MS));
    watched.timer.unref();
  }

  private end(watched: Watched, reason: string): void {
    this.forget(watched);
    watched.onEnded(reason);
  }

  private forget(watched: Watched): void {
    clearTimeout(watched.timer);
    this.watched.delete(watched);
  }
}
