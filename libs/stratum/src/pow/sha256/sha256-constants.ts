/** FIPS 180-4 §5.3.3: H(0). Copy it (`state.set(INITIAL_STATE)`), never hash into it. */
export const INITIAL_STATE: Readonly<Int32Array> = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** 32-bit words in an expanded message schedule (one per round). */
export const SCHEDULE_WORDS = 64;
/** A message block, in bytes and in big-endian words. */
export const BLOCK_BYTES = 64;
export const BLOCK_WORDS = 16;
