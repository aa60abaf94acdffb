import { prevhashToHeaderOrder } from '../pow/header';
import { CoinbaseHasher } from '../pow/sha256/coinbase-hasher';
import { foldMerkleBranch, hashHeader } from '../pow/sha256/fixed-length-sha256d';
import { HEADER_WORD, HEADER_WORDS, littleEndianField } from '../pow/sha256/header-words';
import { digestOf, wordsOf } from '../pow/sha256/sha256-blocks';
import { targetForDifficulty, targetFromNbits, targetToLittleEndian } from '../pow/targets';
import { type JobNotification } from '../protocol/stratum-message';

export interface JobContext {
  readonly extranonce1: Buffer;
  /** null when the subscribe reply was not seen: the first share's extranonce2 sets it. */
  readonly extranonce2Size: number | null;
  /** Difficulty in force when the job was sent. */
  readonly difficulty: number;
}

/**
 * A mining.notify turned into ready-to-hash words once, so that validating a share costs only
 * the compressions: the coinbase has its midstate up to extranonce2, the branch is big-endian
 * words, the header template already holds prevhash (in header order) and nbits, and both
 * targets are precomputed little-endian.
 */
export class PreparedJob {
  readonly jobId: string;
  readonly version: number;
  readonly ntime: number;
  readonly nbits: number;
  readonly difficulty: number;
  readonly shareTarget: Buffer;
  readonly networkTarget: Buffer;
  private extranonce2SizeInForce: number | null;
  private readonly extranonce1: Buffer;
  private coinbase: CoinbaseHasher;
  private readonly branch: Int32Array;
  private readonly header = new Int32Array(HEADER_WORDS);
  private readonly node = new Int32Array(8);

  constructor(
    private readonly notification: JobNotification,
    context: JobContext,
  ) {
    this.jobId = notification.jobId;
    this.version = notification.version;
    this.ntime = notification.ntime;
    this.nbits = notification.nbits;
    this.difficulty = context.difficulty;
    this.shareTarget = targetToLittleEndian(targetForDifficulty(context.difficulty));
    this.networkTarget = targetToLittleEndian(targetFromNbits(notification.nbits));
    this.extranonce2SizeInForce = context.extranonce2Size;
    this.extranonce1 = Buffer.from(context.extranonce1);
    this.coinbase = this.coinbaseHasher(context.extranonce2Size ?? 0);
    if (notification.merkleBranch.some((sibling) => sibling.length !== 32))
      throw new RangeError(`job ${notification.jobId}: every merkle branch hash must be 32 bytes`);
    this.branch = wordsOf(Buffer.concat(notification.merkleBranch));
    this.header.set(wordsOf(prevhashToHeaderOrder(notification.prevhash)), HEADER_WORD.prevhash);
    this.header[HEADER_WORD.nbits] = littleEndianField(notification.nbits);
  }

  get cleanJobs(): boolean {
    return this.notification.cleanJobs;
  }

  get extranonce2Size(): number | null {
    return this.extranonce2SizeInForce;
  }

  /** Header hash (internal byte order) of a share; the returned buffer is the caller's. */
  hashShare(extranonce2: Uint8Array, ntime: number, nonce: number, version: number): Buffer {
    if (extranonce2.length !== this.extranonce2SizeInForce) this.resizeExtranonce2(extranonce2.length);
    const { node, header } = this;
    this.coinbase.txid(extranonce2, node);
    foldMerkleBranch(node, this.branch);
    header[HEADER_WORD.version] = littleEndianField(version);
    header.set(node, HEADER_WORD.merkleRoot);
    header[HEADER_WORD.ntime] = littleEndianField(ntime);
    header[HEADER_WORD.nonce] = littleEndianField(nonce);
    hashHeader(node, header);
    return digestOf(node);
  }

  private resizeExtranonce2(size: number): void {
    this.coinbase = this.coinbaseHasher(size);
    this.extranonce2SizeInForce = size;
  }

  private coinbaseHasher(extranonce2Size: number): CoinbaseHasher {
    const { coinb1, coinb2 } = this.notification;
    return new CoinbaseHasher(Buffer.concat([coinb1, this.extranonce1]), extranonce2Size, coinb2);
  }
}
