import { type PreparedJob } from './prepared-job';

export type JobLookup = { readonly job: PreparedJob } | { readonly reason: 'unknown-job' | 'stale' };

/**
 * The jobs a miner may still submit to. clean_jobs retires every earlier job; beyond `maxLiveJobs`
 * the oldest expire. Retired ids are remembered (bounded) so a late share is `stale`, not
 * `unknown-job`.
 */
export class JobBook {
  private readonly live = new Map<string, PreparedJob>();
  private readonly retired = new Set<string>();

  constructor(
    private readonly maxLiveJobs = 32,
    private readonly maxRetiredIds = 4096,
  ) {}

  add(job: PreparedJob): void {
    if (job.cleanJobs) for (const id of [...this.live.keys()]) this.retire(id);
    this.live.delete(job.jobId);
    this.retired.delete(job.jobId);
    this.live.set(job.jobId, job);
    while (this.live.size > this.maxLiveJobs) {
      const oldest = this.live.keys().next().value;
      if (oldest === undefined) break;
      this.retire(oldest);
    }
  }

  lookup(jobId: string): JobLookup {
    const job = this.live.get(jobId);
    if (job) return { job };
    return { reason: this.retired.has(jobId) ? 'stale' : 'unknown-job' };
  }

  get size(): number {
    return this.live.size;
  }

  private retire(jobId: string): void {
    this.live.delete(jobId);
    this.retired.add(jobId);
    if (this.retired.size > this.maxRetiredIds) {
      const oldest = this.retired.values().next().value;
      if (oldest !== undefined) this.retired.delete(oldest);
    }
  }
}
