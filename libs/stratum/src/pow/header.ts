/** The notify prevhash has each 4-byte word byte-swapped relative to the header's bytes; undo it. */
export function prevhashToHeaderOrder(stratumPrevhash: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(32);
  for (let word = 0; word < 32; word += 4) {
    for (let i = 0; i < 4; i++) out[word + i] = stratumPrevhash[word + 3 - i] ?? 0;
  }
  return out;
}

/** The inverse, for pools: header-order prevhash → the form sent in mining.notify. */
export const headerPrevhashToStratum = prevhashToHeaderOrder;

export const HEADER_OFFSET = { version: 0, prevhash: 4, merkleRoot: 36, ntime: 68, nbits: 72, nonce: 76 } as const;

export interface HeaderFields {
  readonly version: number;
  /** Header (internal) byte order. */
  readonly prevhash: Uint8Array;
  /** Header (internal) byte order. */
  readonly merkleRoot: Uint8Array;
  readonly ntime: number;
  readonly nbits: number;
  readonly nonce: number;
}

/** The 80-byte header: the 32-bit fields little-endian, hashes in internal order. */
export function buildHeader(fields: HeaderFields): Buffer {
  const header = Buffer.alloc(80);
  header.writeUInt32LE(fields.version >>> 0, HEADER_OFFSET.version);
  header.set(fields.prevhash, HEADER_OFFSET.prevhash);
  header.set(fields.merkleRoot, HEADER_OFFSET.merkleRoot);
  header.writeUInt32LE(fields.ntime >>> 0, HEADER_OFFSET.ntime);
  header.writeUInt32LE(fields.nbits >>> 0, HEADER_OFFSET.nbits);
  header.writeUInt32LE(fields.nonce >>> 0, HEADER_OFFSET.nonce);
  return header;
}

/** Block-explorer (display) order of a hash: the internal bytes reversed, as hex. */
export function toExplorerHex(hash: Uint8Array): string {
  return Buffer.from(hash).reverse().toString('hex');
}
