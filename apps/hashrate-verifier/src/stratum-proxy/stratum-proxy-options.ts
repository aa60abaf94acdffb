import { type ConnectionOptions } from '@hashproof/stratum-net';
import { type RelayOptions } from './relay-options';

export interface StratumProxyOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly maxConnections: number;
  /** Limits on each rig connection: line length, silence, unread output, garbage lines. */
  readonly rigConnection: ConnectionOptions;
  readonly relay: RelayOptions;
  /** How often the ends of connected rigs' contracts are looked up again; by default CONTRACT_END_CHECK_INTERVAL_MS. */
  readonly contractEndCheckIntervalMs?: number;
}

/** A rig finds a share every few seconds once vardiff settles: five silent minutes means it is gone. */
export const RIG_IDLE_TIMEOUT_MS = 5 * 60_000;

/** A rental cancelled or terminated on any replica loses its rigs on this one within about this long. */
export const CONTRACT_END_CHECK_INTERVAL_MS = 2_000;
