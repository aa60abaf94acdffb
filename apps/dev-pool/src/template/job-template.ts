/** One synthetic block to mine on, in the fields mining.notify carries (coinbase without extranonces). */
export interface JobTemplate {
  readonly height: number;
  /** Previous block hash in header (internal) byte order. */
  readonly prevhash: Buffer;
  readonly coinb1: Buffer;
  readonly coinb2: Buffer;
  /** Internal byte order, as notify sends it. */
  readonly merkleBranch: readonly Buffer[];
  readonly version: number;
  readonly nbits: number;
  readonly ntime: number;
}
