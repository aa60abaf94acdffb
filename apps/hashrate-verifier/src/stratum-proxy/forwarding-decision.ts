import { meetsTarget, type ShareVerdict } from '@hashproof/stratum';

/**
 * Only shares the renter's pool would accept go upstream: valid for us and meeting the pool's own
 * target for the job. A block candidate always goes, whatever we think of it: a block is worth a
 * pool's rejection, and losing one would be the costliest mistake.
 */
export function shouldForward(verdict: ShareVerdict, poolTarget: Buffer): boolean {
  if (verdict.blockCandidate) return true;
  return verdict.valid && verdict.hash !== null && meetsTarget(verdict.hash, poolTarget);
}
