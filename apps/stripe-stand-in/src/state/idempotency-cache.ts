/** A response as Stripe saves it under an idempotency key: status and body, replayed as they were then. */
export interface SavedResponse {
  readonly statusCode: number;
  /** The body as it was sent, not the object as it is now. */
  readonly json: string;
  /** The request that produced it (Stripe answers a replay with `Original-Request: req_…`). */
  readonly requestId: string;
}

export type IdempotencyLookup =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: SavedResponse }
  | { readonly kind: 'parameters-differ' }
  | { readonly kind: 'endpoint-differs'; readonly firstEndpoint: string };

interface Entry {
  readonly endpoint: string;
  readonly fingerprint: string;
  readonly savedAt: number;
  readonly response: SavedResponse;
}

/** Stripe prunes keys once they are at least 24 hours old; a pruned key starts a new request. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Idempotency keys per API key: the first response made with a key is saved, the same request again gets it back,
 * and the key with other parameters or on another endpoint is an idempotency_error.
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number) {}

  lookup(scope: string, key: string, endpoint: string, parameters: unknown): IdempotencyLookup {
    this.prune();
    const entry = this.entries.get(entryKey(scope, key));
    if (!entry) return { kind: 'new' };
    if (entry.endpoint !== endpoint) return { kind: 'endpoint-differs', firstEndpoint: entry.endpoint };
    if (entry.fingerprint !== fingerprint(parameters)) return { kind: 'parameters-differ' };
    return { kind: 'replay', response: entry.response };
  }

  save(scope: string, key: string, endpoint: string, parameters: unknown, response: SavedResponse): void {
    this.entries.set(entryKey(scope, key), {
      endpoint,
      fingerprint: fingerprint(parameters),
      savedAt: this.clock(),
      response,
    });
  }

  private prune(): void {
    const oldest = this.clock() - IDEMPOTENCY_KEY_LIFETIME_MS;
    // Entries are in the order they were saved, so the expired ones come first.
    for (const [key, entry] of this.entries) {
      if (entry.savedAt > oldest) break;
      this.entries.delete(key);
    }
  }
}

function entryKey(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}

/** Parameters compared regardless of the order they were sent in. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
  }
  return value;
}
