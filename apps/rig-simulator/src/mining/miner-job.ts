import { randomInt } from 'node:crypto';
import {
  buildHeader,
  meetsTarget,
  merkleRootFromBranch,
  prevhashToHeaderOrder,
  rollVersion,
  sha256d,
  targetForDifficulty,
  targetToLittleEndian,
  type JobNotification,
} from '@hashproof/stratum';
import { type FoundShare } from './found-share';
import { bitCount, spreadBits } from './spread-bits';

export interface MinerJobContext {
  readonly extranonce1: Buffer;
  readonly extranonce2Size: number;
  readonly difficulty: number;
  /** Negotiated BIP 310 mask; 0 mines the job's version as is. */
  readonly versionRollingMask: number;
}

/** Nonces tried per (extranonce2, version) before moving on: keeps every unit small and fresh. */
const NONCES_PER_UNIT = 2 ** 20;
const NONCE_OFFSET = 76;

/**
 * Mines one job the plain way (whole-buffer double SHA-256 from node:crypto, not the validator's
 * midstate code), so a bug in either side shows up as rejected shares.
 */
export class MinerJob {
  private readonly target: Buffer;
  private readonly prevhash: Buffer;
  private readonly versionUnits: number;
  private unit = 0;
  private nonce = 0;
  private header: Buffer;
  private extranonce2: Buffer = Buffer.alloc(0);
  private versionBits = 0;

  constructor(
    readonly job: JobNotification,
    readonly context: MinerJobContext,
  ) {
    this.target = targetToLittleEndian(targetForDifficulty(context.difficulty));
    this.prevhash = prevhashToHeaderOrder(job.prevhash);
    this.versionUnits = 2 ** Math.min(bitCount(context.versionRollingMask), 16);
    this.header = this.buildUnitHeader();
  }

  get difficulty(): number {
    return this.context.difficulty;
  }

  /** Tries `hashes` nonces; returns the shares that met the target. */
  search(hashes: number): FoundShare[] {
    const found: FoundShare[] = [];
    for (let i = 0; i < hashes; i++) {
      this.header.writeUInt32LE(this.nonce, NONCE_OFFSET);
      if (meetsTarget(sha256d(this.header), this.target)) found.push(this.share(this.nonce));
      if (++this.nonce === NONCES_PER_UNIT) this.nextUnit();
    }
    return found;
  }

  /** A share with a random nonce whose hash misses the target (checked, so it is never accidentally valid). */
  invalidShare(): FoundShare {
    for (;;) {
      const nonce = randomInt(2 ** 32 - 1);
      this.header.writeUInt32LE(nonce, NONCE_OFFSET);
      if (!meetsTarget(sha256d(this.header), this.target)) return this.share(nonce);
    }
  }

  private share(nonce: number): FoundShare {
    const share = {
      jobId: this.job.jobId,
      extranonce2: this.extranonce2.toString('hex'),
      ntime: hex32(this.job.ntime),
      nonce: hex32(nonce),
      difficulty: this.context.difficulty,
    };
    return this.context.versionRollingMask === 0 ? share : { ...share, versionBits: hex32(this.versionBits) };
  }

  private nextUnit(): void {
    this.unit++;
    this.nonce = 0;
    this.header = this.buildUnitHeader();
  }

  /** Version bits roll fastest (as on an ASIC), then extranonce2. */
  private buildUnitHeader(): Buffer {
    const { extranonce1, extranonce2Size, versionRollingMask } = this.context;
    this.versionBits = spreadBits(this.unit % this.versionUnits, versionRollingMask);
    this.extranonce2 = counterBytes(Math.floor(this.unit / this.versionUnits), extranonce2Size);
    const coinbase = Buffer.concat([this.job.coinb1, extranonce1, this.extranonce2, this.job.coinb2]);
    return buildHeader({
      version: rollVersion(this.job.version, this.versionBits, versionRollingMask),
      prevhash: this.prevhash,
      merkleRoot: merkleRootFromBranch(sha256d(coinbase), this.job.merkleBranch),
      ntime: this.job.ntime,
      nbits: this.job.nbits,
      nonce: 0,
    });
  }
}

/** A counter as big-endian bytes of the given size (its low 48 bits: more than a simulator ever rolls). */
function counterBytes(counter: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  const width = Math.min(size, 6);
  if (width > 0) out.writeUIntBE(counter % 2 ** (8 * width), size - width, width);
  return out;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
