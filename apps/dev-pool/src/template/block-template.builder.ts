import { randomBytes } from 'node:crypto';
import { coinbaseMerkleBranch } from '@hashproof/stratum';
import { splitCoinbase } from './coinbase-transaction';
import { type JobTemplate } from './job-template';

/** BIP 9 version with no signalling bits: what pools send today. */
export const TEMPLATE_VERSION = 0x20000000;
/** Network difficulty 2^-8 (2^24 hashes a block): rare but reachable for a rig at tens of kH/s. */
export const EASY_NETWORK_NBITS = 0x1e00ffff;

export interface TemplateBuilderOptions {
  readonly extranonce1Size: number;
  readonly extranonce2Size: number;
  readonly nbits?: number;
  /** Synthetic transactions besides the coinbase. */
  readonly transactionCount?: number;
  readonly startHeight?: number;
  readonly clock?: () => number;
}

/** Makes a chain of synthetic blocks: each `nextBlock` builds on a new random parent at the next height. */
export class BlockTemplateBuilder {
  private height: number;
  private readonly clock: () => number;

  constructor(private readonly options: TemplateBuilderOptions) {
    this.height = options.startHeight ?? 900_000;
    this.clock = options.clock ?? Date.now;
  }

  nextBlock(): JobTemplate {
    this.height++;
    const { coinb1, coinb2 } = splitCoinbase(this.height, this.options.extranonce1Size + this.options.extranonce2Size);
    const txids = Array.from({ length: this.options.transactionCount ?? 6 }, () => randomBytes(32));
    return {
      height: this.height,
      prevhash: randomBytes(32),
      coinb1,
      coinb2,
      // The coinbase's own txid is not part of its branch: a placeholder stands in for it.
      merkleBranch: coinbaseMerkleBranch([Buffer.alloc(32), ...txids]),
      version: TEMPLATE_VERSION,
      nbits: this.options.nbits ?? EASY_NETWORK_NBITS,
      ntime: Math.floor(this.clock() / 1000),
    };
  }
}
