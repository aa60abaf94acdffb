import { meetsTarget } from '../pow/meets-target';
import { achievedDifficulty } from '../pow/targets';
import { rollVersion, versionBitsWithinMask } from '../pow/version-rolling';
import { type ShareSubmission } from '../protocol/stratum-message';
import { duplicateKey } from './duplicate-key';
import { type PreparedJob } from './prepared-job';
import { rejected, type ShareVerdict } from './share-verdict';

/** Bitcoin rejects blocks more than 2 hours ahead; pools cap rolled ntime the same way. */
export const MAX_NTIME_ROLL_SECONDS = 7200;

export interface ShareCheck {
  readonly job: PreparedJob;
  readonly share: ShareSubmission;
  /** Negotiated BIP 310 mask; 0 when version rolling was not negotiated. */
  readonly versionRollingMask: number;
  /** Keys of shares already seen for this job (mutated: this share is added). */
  readonly seen: Set<string>;
}

/** Checks one submit against its job: structure, ntime, version bits, duplicates, then PoW. */
export function validateShare({ job, share, versionRollingMask, seen }: ShareCheck): ShareVerdict {
  const assigned = job.difficulty;
  if (job.extranonce2Size !== null && share.extranonce2.length !== job.extranonce2Size)
    return rejected('malformed', assigned);
  if (share.ntime < job.ntime || share.ntime > job.ntime + MAX_NTIME_ROLL_SECONDS)
    return rejected('ntime-out-of-range', assigned);
  const version = versionFor(job, share, versionRollingMask);
  if (version === null) return rejected('bad-version-bits', assigned);
  const key = duplicateKey(share, version);
  if (seen.has(key)) return rejected('duplicate', assigned);
  seen.add(key);
  const hash = job.hashShare(share.extranonce2, share.ntime, share.nonce, version);
  const valid = meetsTarget(hash, job.shareTarget);
  return {
    valid,
    reason: valid ? null : 'low-difficulty',
    hash,
    achievedDifficulty: achievedDifficulty(hash),
    assignedDifficulty: assigned,
    blockCandidate: meetsTarget(hash, job.networkTarget),
  };
}

function versionFor(job: PreparedJob, share: ShareSubmission, mask: number): number | null {
  if (share.versionBits === undefined) return job.version;
  if (!versionBitsWithinMask(share.versionBits, mask)) return null;
  return rollVersion(job.version, share.versionBits, mask);
}
