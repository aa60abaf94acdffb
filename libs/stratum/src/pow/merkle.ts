import { sha256d } from './sha256d';

/** Folds the coinbase txid up the branch: root = H(…H(H(txid | b0) | b1)… | bn). */
export function merkleRootFromBranch(coinbaseTxid: Uint8Array, branch: readonly Uint8Array[]): Buffer {
  const pair = Buffer.allocUnsafe(64);
  let node: Buffer = Buffer.from(coinbaseTxid);
  for (const sibling of branch) {
    pair.set(node, 0);
    pair.set(sibling, 32);
    node = sha256d(pair);
  }
  return node;
}

/**
 * The stratum merkle branch for the coinbase (position 0) from all txids of a block, internal
 * byte order, coinbase first. Bitcoin pairs an odd last node with itself.
 */
export function coinbaseMerkleBranch(txids: readonly Buffer[]): Buffer[] {
  const branch: Buffer[] = [];
  let level = txids.slice(1);
  while (level.length > 0) {
    const [sibling] = level;
    if (sibling) branch.push(sibling);
    level = hashPairs(level.slice(1));
  }
  return branch;
}

// The level above, for the nodes right of the coinbase path's pair (an odd last node pairs with itself).
function hashPairs(rest: readonly Buffer[]): Buffer[] {
  const next: Buffer[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const left = rest[i] as Buffer;
    const right = rest[i + 1] ?? left;
    next.push(sha256d(Buffer.concat([left, right])));
  }
  return next;
}
