export interface FoundShare {
  readonly jobId: string;
  readonly extranonce2: string;
  readonly ntime: string;
  readonly nonce: string;
  /** Present when version rolling was negotiated: the rolled bits (within the mask). */
  readonly versionBits?: string;
  /** Difficulty of the job the share was mined on. */
  readonly difficulty: number;
}

/** mining.submit params: [worker, job_id, extranonce2, ntime, nonce(, version_bits)]. */
export function submitParams(worker: string, share: FoundShare): string[] {
  const params = [worker, share.jobId, share.extranonce2, share.ntime, share.nonce];
  return share.versionBits === undefined ? params : [...params, share.versionBits];
}
