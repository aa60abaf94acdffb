import { type PreparedJob } from './prepared-job';

export type JobLookup =
  { readonly job: PreparedJob; readonly seenShares: Set<string> } | { readonly reason: 'unknown-job' | 'stale' };

/**
 * The jobs a miner may still submit to. clean_jobs retires every earlier job; beyond `maxLiveJobs`
 * the oldest expire. Retired ids are remembered (bounded) so a late share is `stale`, not
 * `unknown-job`. Duplicate detection is kept per job id until the id is forgotten, so memory stays
 * bounded on a connection that lives for weeks, and a re-sent job id still recognises its old shares.
 */
export class JobBook {
  private readonly live = new Map<string, PreparedJob>();
  private readonly retired = new Set<string>();
  private readonly seenSharesByJob = new Map<string, Set<string>>();

  constructor(
    private readonly maxLiveJobs = 32,
    private readonly maxRetiredIds = 4096,
  ) {}

  add(job: PreparedJob): void {
    if (job.cleanJobs) for (const id of [...this.live.keys()]) this.retire(id);
    this.live.delete(job.jobId);
    this.retired.delete(job.jobId);
    this.live.set(job.jobId, job);
    if (!this.seenSharesByJob.has(job.jobId)) this.seenSharesByJob.set(job.jobId, new Set());
    while (this.live.size > this.maxLiveJobs) {
      const oldest = this.live.keys().next().value;
      if (oldest === undefined) break;
      this.retire(oldest);
    }
  }

  lookup(jobId: string): JobLookup {
    const job = this.live.get(jobId);
    const seenShares = this.seenSharesByJob.get(jobId);
    if (job && seenShares) return { job, seenShares };
    return { reason: this.retired.has(jobId) ? 'stale' : 'unknown-job' };
  }

  get size(): number {
    return this.live.size;
  }

  /** Job ids whose shares are still remembered for duplicate detection. */
  get rememberedJobIds(): number {
    return this.seenSharesByJob.size;
  }

  private retire(jobId: string): void {
    this.live.delete(jobId);
    this.retired.add(jobId);
    if (this.retired.size > this.maxRetiredIds) {
      const oldest = this.retired.values().next().value;
      if (oldest !== undefined) {
        this.retired.delete(oldest);
        this.seenSharesByJob.delete(oldest);
      }
    }
  }
}
