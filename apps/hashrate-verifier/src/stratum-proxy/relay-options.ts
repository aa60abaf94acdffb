import { type ConnectionOptions } from '@hashproof/stratum-net';

export interface RelayOptions {
  readonly targetSharesPerMinute: number;
  readonly retargetIntervalMs: number;
  readonly minDifficulty: number;
  readonly maxDifficulty: number;
  /** The rig's first difficulty; by default the pool's (vardiff walks it down from there). */
  readonly startDifficulty?: number;
  /** Connect, configure, subscribe and authorize upstream within this; the rig waits for its authorize reply meanwhile. */
  readonly upstreamHandshakeTimeoutMs: number;
  /** A forwarded share without the pool's reply by then is recorded as `no-reply`. */
  readonly poolReplyTimeoutMs: number;
  /** Messages a rig may send per second on average, and in a burst, before it is cut as a flood. */
  readonly maxMessagesPerSecond: number;
  readonly messageBurst: number;
  readonly upstreamConnection?: ConnectionOptions;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  targetSharesPerMinute: 18,
  retargetIntervalMs: 20_000,
  minDifficulty: 2 ** -40,
  maxDifficulty: 2 ** 60,
  upstreamHandshakeTimeoutMs: 8_000,
  poolReplyTimeoutMs: 30_000,
  maxMessagesPerSecond: 20,
  messageBurst: 200,
};
