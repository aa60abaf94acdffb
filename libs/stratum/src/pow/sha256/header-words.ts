/** Where each field sits in an 80-byte header read as 20 big-endian words (the form SHA-256 reads). */
export const HEADER_WORD = { version: 0, prevhash: 1, merkleRoot: 9, ntime: 17, nbits: 18, nonce: 19 } as const;

export const HEADER_WORDS = 20;

/** The big-endian word of a 32-bit field the header stores little-endian (version, ntime, nbits, nonce). */
export function littleEndianField(value: number): number {
  return ((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24);
}
