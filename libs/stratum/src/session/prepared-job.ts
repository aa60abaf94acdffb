import { HEADER_OFFSET, prevhashToHeaderOrder } from '../pow/header';
import { sha256d } from '../pow/sha256d';
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
 * A mining.notify turned into ready-to-hash buffers once, so that validating a share costs only
 * the hashes: the coinbase is laid out with a hole for extranonce2, the branch is decoded, the
 * header template already holds prevhash (in header order) and nbits, and both targets are
 * precomputed little-endian.
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
  private coinbase: Buffer;
  private readonly extranonce2Offset: number;
  private readonly branch: readonly Buffer[];
  private readonly header = Buffer.alloc(80);
  private readonly pair = Buffer.alloc(64);

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
    this.extranonce2Offset = notification.coinb1.length + context.extranonce1.length;
    this.coinbase = this.layOutCoinbase(context.extranonce1, context.extranonce2Size ?? 0);
    this.branch = notification.merkleBranch;
    this.header.set(prevhashToHeaderOrder(notification.prevhash), HEADER_OFFSET.prevhash);
    this.header.writeUInt32LE(notification.nbits, HEADER_OFFSET.nbits);
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
    this.coinbase.set(extranonce2, this.extranonce2Offset);
    let node = sha256d(this.coinbase);
    for (const sibling of this.branch) {
      this.pair.set(node, 0);
      this.pair.set(sibling, 32);
      node = sha256d(this.pair);
    }
    this.header.writeUInt32LE(version, HEADER_OFFSET.version);
    this.header.set(node, HEADER_OFFSET.merkleRoot);
    this.header.writeUInt32LE(ntime, HEADER_OFFSET.ntime);
    this.header.writeUInt32LE(nonce, HEADER_OFFSET.nonce);
    return sha256d(this.header);
  }

  private resizeExtranonce2(size: number): void {
    const extranonce1 = this.coinbase.subarray(this.notification.coinb1.length, this.extranonce2Offset);
    this.coinbase = this.layOutCoinbase(Buffer.from(extranonce1), size);
    this.extranonce2SizeInForce = size;
  }

  private layOutCoinbase(extranonce1: Buffer, extranonce2Size: number): Buffer {
    const { coinb1, coinb2 } = this.notification;
    return Buffer.concat([coinb1, extranonce1, Buffer.alloc(extranonce2Size), coinb2]);
  }
}
