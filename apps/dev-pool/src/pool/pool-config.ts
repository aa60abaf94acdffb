import { type ConnectionOptions } from '@hashproof/stratum-net';

export interface PoolConfig {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly startDifficulty: number;
  readonly minDifficulty: number;
  readonly maxDifficulty: number;
  readonly targetSharesPerMinute: number;
  readonly retargetIntervalMs: number;
  /** A new block (and a clean_jobs notify) this often. */
  readonly jobIntervalMs: number;
  readonly extranonce2Size: 2 | 4 | 8;
  readonly nbits: number;
  /** BIP 310 mask the pool allows; the miner gets its intersection with the mask it asks for. */
  readonly versionRollingMask: number;
  readonly connection: ConnectionOptions;
}
