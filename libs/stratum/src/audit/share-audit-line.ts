import { type JsonRpcId } from '../protocol/stratum-message';
import { type RejectReason } from '../session/reject-reason';

/** One output line per mining.submit, in order. */
export interface ShareAuditLine {
  readonly id: JsonRpcId;
  readonly valid: boolean;
  readonly reason: RejectReason | null;
  /** Block-explorer order hex of the header hash; null when the share could not be hashed. */
  readonly hash: string | null;
  /** Difficulty the hash achieved. */
  readonly difficulty: number | null;
  readonly blockCandidate: boolean;
}
