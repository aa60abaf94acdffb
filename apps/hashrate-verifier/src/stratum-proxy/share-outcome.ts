import { type ShareVerdict } from '@hashproof/stratum';

export type PoolVerdict = 'accepted' | 'rejected' | 'no-reply';

/** One rig submit, judged by us and (when forwarded) by the renter's pool. */
export interface ShareOutcome {
  readonly rentalId: string;
  readonly connectionId: string;
  /** When the rig's submit arrived. */
  readonly at: Date;
  readonly verdict: ShareVerdict;
  readonly forwarded: boolean;
  /** null when not forwarded. A disagreement with `verdict` is evidence, not an error. */
  readonly poolVerdict: PoolVerdict | null;
  readonly poolError?: string;
  readonly blockCandidate: boolean;
}

/**
 * Renter's side: pool-unreachable, pool-refused-worker, pool-disconnected.
 * Provider's side: rig-disconnected (and the silence before it).
 */
export type ConnectionEventKind =
  | 'rig-connected'
  | 'rig-disconnected'
  | 'pool-connected'
  | 'pool-unreachable'
  | 'pool-refused-worker'
  | 'pool-disconnected';

export interface ConnectionEvent {
  readonly rentalId: string;
  readonly connectionId: string;
  readonly at: Date;
  readonly kind: ConnectionEventKind;
  readonly detail?: string;
}

/** Where judged shares and connection changes go (the window aggregator, via Kafka, in production). */
export interface ShareOutcomeSink {
  shareJudged(outcome: ShareOutcome): void;
  connectionChanged(event: ConnectionEvent): void;
  /** Called once the endpoint has stopped, so the last rigs' disconnects are sent too. */
  close(): Promise<void>;
}
