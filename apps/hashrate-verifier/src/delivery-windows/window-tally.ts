import { addShare, type DeliveredWork, NO_WORK } from '@hashproof/hashrate';

export interface JudgedShare {
  readonly valid: boolean;
  readonly reason: string | null;
  readonly assignedDifficulty: number | null;
  readonly forwarded: boolean;
  readonly poolVerdict: 'accepted' | 'rejected' | 'no-reply' | null;
  readonly blockCandidate: boolean;
}

/** What a window has seen so far. Aggregates only: no share is kept. */
export interface WindowTally {
  readonly delivered: DeliveredWork;
  readonly rejectedByReason: Readonly<Record<string, number>>;
  readonly poolDisagreements: number;
  readonly blockCandidates: number;
}

/** A window's tally and the difficulty its latest share was mined at, assumed for a silent stretch. */
export interface WindowState extends WindowTally {
  readonly lastDifficulty: number | null;
}

export const emptyTally: WindowTally = {
  delivered: NO_WORK,
  rejectedByReason: {},
  poolDisagreements: 0,
  blockCandidates: 0,
};

/**
 * Work counts only when the share is independently valid and, where it was forwarded, the pool took it.
 * A forwarded share the pool refused or never answered is not paid for, whatever our own check said.
 */
export function tallyShare(tally: WindowTally, share: JudgedShare): WindowTally {
  const refusedByPool = share.forwarded && share.poolVerdict !== 'accepted';
  const counted = share.valid && !refusedByPool && share.assignedDifficulty !== null;
  const reason = share.valid ? (share.poolVerdict === 'no-reply' ? 'pool-no-reply' : 'pool-rejected') : share.reason;
  return {
    delivered:
      counted && share.assignedDifficulty !== null
        ? addShare(tally.delivered, share.assignedDifficulty)
        : tally.delivered,
    rejectedByReason: counted ? tally.rejectedByReason : increment(tally.rejectedByReason, reason ?? 'malformed'),
    poolDisagreements: tally.poolDisagreements + (disagrees(share) ? 1 : 0),
    blockCandidates: tally.blockCandidates + (share.blockCandidate ? 1 : 0),
  };
}

/**
 * A window's shares, in the order they were judged, added one at a time exactly as tallyShare adds one:
 * the same sums in the same order, so a batch gives the very numbers that share-by-share application gives.
 */
export function tallyShares(window: WindowState, shares: readonly JudgedShare[]): WindowState {
  let state = window;
  for (const share of shares) {
    state = { ...tallyShare(state, share), lastDifficulty: share.assignedDifficulty ?? state.lastDifficulty };
  }
  return state;
}

function disagrees(share: JudgedShare): boolean {
  return (share.valid && share.poolVerdict === 'rejected') || (!share.valid && share.poolVerdict === 'accepted');
}

function increment(counts: Readonly<Record<string, number>>, reason: string): Record<string, number> {
  return { ...counts, [reason]: (counts[reason] ?? 0) + 1 };
}
