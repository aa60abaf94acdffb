/**
 * StratumSession finds duplicates per job id, but a re-sent upstream job has a second rig job id:
 * the same work submitted under both would count twice. The header hash identifies the work, so
 * hashes are remembered per upstream job (bounded to the newest `capacity` jobs).
 */
export class ResentJobDuplicateGuard {
  private readonly hashesByJob = new Map<string, Set<string>>();

  constructor(private readonly capacity = 64) {}

  /** True when this work was already submitted for the upstream job; remembers it otherwise. */
  seenBefore(upstreamJobId: string, hash: Buffer): boolean {
    let hashes = this.hashesByJob.get(upstreamJobId);
    if (!hashes) {
      hashes = new Set();
      this.hashesByJob.set(upstreamJobId, hashes);
      this.forgetOldest();
    }
    const key = hash.toString('hex');
    if (hashes.has(key)) return true;
    hashes.add(key);
    return false;
  }

  private forgetOldest(): void {
    while (this.hashesByJob.size > this.capacity) {
      const oldest = this.hashesByJob.keys().next().value;
      if (oldest === undefined) break;
      this.hashesByJob.delete(oldest);
    }
  }
}
