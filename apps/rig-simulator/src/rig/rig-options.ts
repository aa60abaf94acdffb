import { type StratumEndpoint } from '@hashproof/stratum-net';
import { type CheatMode } from '../cheat/cheat-mode';

export interface RigOptions {
  readonly endpoint: StratumEndpoint;
  readonly worker: string;
  readonly password: string;
  /** The hash rate the rig claims (and mines at, unless it cheats). */
  readonly hashrate: number;
  readonly cheat: CheatMode;
  readonly versionRolling: boolean;
  /** Keep trying when the first connection fails or is refused, as real miners do, instead of giving up. */
  readonly keepConnecting?: boolean;
  /** Wait before reconnecting after the pool dropped the connection. */
  readonly reconnectDelayMs?: number;
  readonly log?: (line: string) => void;
}
