import { type JobNotification } from '@hashproof/stratum';

export interface QueuedJob {
  readonly job: JobNotification;
  /** Difficulty in force when the job arrived: the one it is credited at. */
  readonly difficulty: number;
}

/** Tracks set_difficulty and notify in wire order; the miner picks up the newest job when it next hashes. */
export class WorkQueue {
  private difficulty = 1;
  private latest: QueuedJob | null = null;
  private version = 0;

  setDifficulty(difficulty: number): void {
    this.difficulty = difficulty;
  }

  notify(job: JobNotification): void {
    this.latest = { job, difficulty: this.difficulty };
    this.version++;
  }

  get current(): QueuedJob | null {
    return this.latest;
  }

  /** Changes whenever a new job arrives. */
  get generation(): number {
    return this.version;
  }

  get difficultyInForce(): number {
    return this.difficulty;
  }
}
