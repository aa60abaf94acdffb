export interface ConnectionOptions {
  /** Longest accepted line; a longer one closes the connection. */
  readonly maxLineBytes?: number;
  /** Close when no complete line arrived for this long (covers half-open peers and slow-drip lines). */
  readonly idleTimeoutMs?: number;
  /** Close a peer that stops reading once this much output is queued for it. */
  readonly maxQueuedWriteBytes?: number;
  /** Close after this many consecutive lines that are not JSON-RPC. */
  readonly maxInvalidLines?: number;
}

export const DEFAULT_CONNECTION_OPTIONS: Required<ConnectionOptions> = {
  maxLineBytes: 16 * 1024,
  idleTimeoutMs: 10 * 60_000,
  maxQueuedWriteBytes: 1024 * 1024,
  maxInvalidLines: 10,
};
