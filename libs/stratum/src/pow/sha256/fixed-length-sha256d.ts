import { compress, expandSchedule } from './sha256-compress';
import { INITIAL_STATE, SCHEDULE_WORDS } from './sha256-constants';

// Double SHA-256 of the fixed-length inputs of share validation (32-byte digests, 64-byte merkle
// pairs, 80-byte headers) on big-endian words, in process: a node:crypto call spends ~0.8 µs on
// overhead, more than the one to three ~0.2–0.3 µs compressions it would do here. Inputs and
// outputs are 8-word states: a digest's bytes are its state words big-endian, so a digest feeds
// the next hash without ever becoming bytes.

// Scratch schedule shared by the functions below: none of them calls another while it holds w.
const w = new Int32Array(SCHEDULE_WORDS);

const PADDING_BIT = 0x80000000 | 0;

/** The padding block after a 64-byte message never changes, so neither does its schedule. */
const PADDING_AFTER_64_BYTES = (() => {
  const schedule = new Int32Array(SCHEDULE_WORDS);
  schedule[0] = PADDING_BIT;
  schedule[15] = 64 * 8;
  expandSchedule(schedule);
  return schedule;
})();

/** state ← SHA-256 of the 32-byte digest that `state` holds: the outer hash of a double hash. */
export function hashDigestAgain(state: Int32Array): void {
  for (let i = 0; i < 8; i++) w[i] = state[i]!;
  w[8] = PADDING_BIT;
  for (let i = 9; i < 15; i++) w[i] = 0;
  w[15] = 32 * 8;
  expandSchedule(w);
  state.set(INITIAL_STATE);
  compress(state, w);
}

/**
 * node ← SHA-256d(node ‖ sibling) for each sibling in turn (8 words each, concatenated): the fold
 * from the coinbase txid up to the merkle root.
 */
export function foldMerkleBranch(node: Int32Array, siblings: Readonly<Int32Array>): void {
  for (let at = 0; at < siblings.length; at += 8) {
    for (let i = 0; i < 8; i++) w[i] = node[i]!;
    for (let i = 0; i < 8; i++) w[8 + i] = siblings[at + i]!;
    expandSchedule(w);
    node.set(INITIAL_STATE);
    compress(node, w);
    compress(node, PADDING_AFTER_64_BYTES);
    hashDigestAgain(node);
  }
}

/** state ← SHA-256d of an 80-byte block header given as its 20 big-endian words. */
export function hashHeader(state: Int32Array, header: Readonly<Int32Array>): void {
  for (let i = 0; i < 16; i++) w[i] = header[i]!;
  expandSchedule(w);
  state.set(INITIAL_STATE);
  compress(state, w);
  for (let i = 0; i < 4; i++) w[i] = header[16 + i]!;
  w[4] = PADDING_BIT;
  for (let i = 5; i < 15; i++) w[i] = 0;
  w[15] = 80 * 8;
  expandSchedule(w);
  compress(state, w);
  hashDigestAgain(state);
}
