import { type RejectReason } from './reject-reason';

export interface ShareVerdict {
  readonly valid: boolean;
  readonly reason: RejectReason | null;
  /** Header hash in internal byte order; null when the share could not be hashed. */
  readonly hash: Buffer | null;
  /** Difficulty the hash achieved (reporting only). */
  readonly achievedDifficulty: number | null;
  /** Difficulty in force for the job: the work credited when the share is valid. */
  readonly assignedDifficulty: number | null;
  /** The hash also meets the network target from nbits. */
  readonly blockCandidate: boolean;
}

export function rejected(reason: RejectReason, assignedDifficulty: number | null = null): ShareVerdict {
  return { valid: false, reason, hash: null, achievedDifficulty: null, assignedDifficulty, blockCandidate: false };
}
