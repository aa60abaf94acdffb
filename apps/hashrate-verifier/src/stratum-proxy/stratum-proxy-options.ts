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
}

/** A rig finds a share every few seconds once vardiff settles: five silent minutes means it is gone. */
export const RIG_IDLE_TIMEOUT_MS = 5 * 60_000;
