/** What a job id the rig sees stands for upstream. */
export interface UpstreamJobRef {
  readonly upstreamJobId: string;
  /** The pool's difficulty in force when it notified the job (it applies to jobs sent after it). */
  readonly poolDifficulty: number;
  /** The pool's share target for the job, little-endian, for `meetsTarget`. */
  readonly poolTarget: Buffer;
  /** Upstream extranonce2 bytes in front of the rig's own (the rig sees them inside coinb1). */
  readonly extranonce2Padding: Buffer;
}

/**
 * Rig job ids are ours: one upstream job may be sent to the rig more than once (a new rig
 * difficulty applies only to jobs sent after it), each time under a new id. Bounded: ids beyond
 * the newest `capacity` are forgotten, which the rig's StratumSession already calls stale.
 */
export class RigJobMap {
  private readonly jobs = new Map<string, UpstreamJobRef>();
  private counter = 0;

  constructor(private readonly capacity = 64) {}

  add(ref: UpstreamJobRef): string {
    const rigJobId = (++this.counter).toString(16);
    this.jobs.set(rigJobId, ref);
    while (this.jobs.size > this.capacity) {
      const oldest = this.jobs.keys().next().value;
      if (oldest === undefined) break;
      this.jobs.delete(oldest);
    }
    return rigJobId;
  }

  get(rigJobId: string): UpstreamJobRef | undefined {
    return this.jobs.get(rigJobId);
  }
}
