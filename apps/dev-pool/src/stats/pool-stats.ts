import { WorkerStats, type WorkerSnapshot } from './worker-stats';

/** Every worker the pool has seen, by name, with the difficulty it was last given. */
export class PoolStats {
  private readonly workers = new Map<string, { stats: WorkerStats; difficulty: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  worker(name: string): WorkerStats {
    const entry = this.workers.get(name) ?? { stats: new WorkerStats(name), difficulty: 1 };
    this.workers.set(name, entry);
    return entry.stats;
  }

  connected(name: string): void {
    this.worker(name).connected(this.clock());
  }

  disconnected(name: string): void {
    this.workers.get(name)?.stats.disconnected(this.clock());
  }

  noteDifficulty(name: string, difficulty: number): void {
    const entry = this.workers.get(name);
    if (entry) entry.difficulty = difficulty;
  }

  snapshot(): WorkerSnapshot[] {
    const now = this.clock();
    return [...this.workers.values()].map(({ stats, difficulty }) => stats.snapshot(now, difficulty));
  }
}
