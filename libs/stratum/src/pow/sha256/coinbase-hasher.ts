import { compressBlocks, padMessage, scheduleOf } from './sha256-blocks';
import { compress } from './sha256-compress';
import { BLOCK_BYTES, INITIAL_STATE, SCHEDULE_WORDS } from './sha256-constants';
import { hashDigestAgain } from './fixed-length-sha256d';

/**
 * Double-hashes coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2 for one job and many extranonce2
 * values. Only extranonce2 changes between shares, so the blocks before it are compressed once
 * (the midstate) and the blocks after it, padding included, keep their expanded schedules: a
 * share pays for the blocks extranonce2 touches plus one compression per later block.
 */
export class CoinbaseHasher {
  private readonly padded: Buffer;
  private readonly extranonce2Offset: number;
  private readonly midstate = new Int32Array(8);
  private readonly firstChangingBlock: number;
  private readonly endOfChangingBlocks: number;
  private readonly fixedSchedules: readonly Int32Array[];
  private readonly w = new Int32Array(SCHEDULE_WORDS);

  constructor(beforeExtranonce2: Uint8Array, extranonce2Size: number, afterExtranonce2: Uint8Array) {
    this.extranonce2Offset = beforeExtranonce2.length;
    this.padded = padMessage(Buffer.concat([beforeExtranonce2, Buffer.alloc(extranonce2Size), afterExtranonce2]));
    this.firstChangingBlock = Math.floor(this.extranonce2Offset / BLOCK_BYTES);
    this.endOfChangingBlocks = Math.ceil((this.extranonce2Offset + extranonce2Size) / BLOCK_BYTES);
    this.midstate.set(INITIAL_STATE);
    compressBlocks(this.midstate, this.padded, 0, this.firstChangingBlock, this.w);
    const blockCount = this.padded.length / BLOCK_BYTES;
    const fixedSchedules: Int32Array[] = [];
    for (let block = this.endOfChangingBlocks; block < blockCount; block++)
      fixedSchedules.push(scheduleOf(this.padded, block));
    this.fixedSchedules = fixedSchedules;
  }

  /** The coinbase txid (SHA-256d, as state words) for this extranonce2 into `out`. */
  txid(extranonce2: Uint8Array, out: Int32Array): void {
    this.padded.set(extranonce2, this.extranonce2Offset);
    out.set(this.midstate);
    compressBlocks(out, this.padded, this.firstChangingBlock, this.endOfChangingBlocks, this.w);
    for (const schedule of this.fixedSchedules) compress(out, schedule);
    hashDigestAgain(out);
  }
}
