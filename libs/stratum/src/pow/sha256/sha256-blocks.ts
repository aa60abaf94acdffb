import { compress, expandSchedule } from './sha256-compress';
import { BLOCK_BYTES, BLOCK_WORDS, SCHEDULE_WORDS } from './sha256-constants';

/** The message followed by FIPS 180-4 §5.1.1 padding: 0x80, zeros, the bit length; whole blocks. */
export function padMessage(message: Uint8Array): Buffer {
  const blocks = Math.ceil((message.length + 9) / BLOCK_BYTES);
  const padded = Buffer.alloc(blocks * BLOCK_BYTES);
  padded.set(message);
  padded[message.length] = 0x80;
  const bits = message.length * 8;
  padded.writeUInt32BE(Math.floor(bits / 2 ** 32), padded.length - 8);
  padded.writeUInt32BE(bits >>> 0, padded.length - 4);
  return padded;
}

/** The expanded schedule of the block at `blockIndex`; worth keeping when that block never changes. */
export function scheduleOf(bytes: Uint8Array, blockIndex: number): Int32Array {
  const w = new Int32Array(SCHEDULE_WORDS);
  loadBlock(w, bytes, blockIndex);
  expandSchedule(w);
  return w;
}

/** Compresses blocks [from, to) of a padded message into `state`, using `w` as scratch. */
export function compressBlocks(state: Int32Array, padded: Uint8Array, from: number, to: number, w: Int32Array): void {
  for (let block = from; block < to; block++) {
    loadBlock(w, padded, block);
    expandSchedule(w);
    compress(state, w);
  }
}

/** Big-endian words of a byte string whose length is a multiple of 4. */
export function wordsOf(bytes: Uint8Array): Int32Array {
  const words = new Int32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = readWord(bytes, i * 4);
  return words;
}

/** The digest bytes of a state: its words big-endian (FIPS 180-4 §6.2.2 step 4). */
export function digestOf(state: Readonly<Int32Array>): Buffer {
  const digest = Buffer.allocUnsafe(32);
  for (let i = 0; i < 8; i++) digest.writeInt32BE(state[i]!, i * 4);
  return digest;
}

function loadBlock(w: Int32Array, bytes: Uint8Array, blockIndex: number): void {
  const start = blockIndex * BLOCK_BYTES;
  for (let i = 0; i < BLOCK_WORDS; i++) w[i] = readWord(bytes, start + i * 4);
}

function readWord(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
}
