/** Messages between the benchmark and its load generator (a child process, so the two do not share an event loop). */

export interface RequestSpec {
  readonly method: 'GET' | 'POST';
  /** Path and query, e.g. `/v1/listings?currency=USD`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

interface RunBase {
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  /** Sent in turn, round robin. */
  readonly requests: readonly RequestSpec[];
  readonly seconds: number;
}

/**
 * Open loop at a constant rate, as wrk2 does: request n is due at start + n / rate whatever happened to the ones
 * before, and its latency counts from then, so a stall shows in full instead of holding back the requests after
 * it (no coordinated omission). Connections are opened as needed, up to `maxConnections`; a request due while that
 * many are unanswered is not sent but counted, so a saturated service cannot stretch the run without bound.
 */
export interface PacedRun extends RunBase {
  readonly kind: 'paced';
  readonly ratePerSecond: number;
  readonly maxConnections: number;
  /** A header given a fresh UUID on every request (an Idempotency-Key), if any. */
  readonly uniqueHeader?: string;
}

/**
 * autocannon itself: `connections` connections, each sending its next request when the last one is answered;
 * with `overallRate`, each connection stops for the rest of the second once it has sent its share of the rate.
 */
export interface AutocannonRun extends RunBase {
  readonly kind: 'autocannon';
  readonly connections: number;
  readonly overallRate?: number;
}

export type LoadCommand = PacedRun | AutocannonRun;

export interface LatencySummary {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export interface LoadResult {
  /** From the first request sent to the last answer (or the end of the run for autocannon). */
  readonly seconds: number;
  readonly sent: number;
  /** Paced runs: requests not sent because `maxConnections` were still unanswered (the service fell behind). */
  readonly notSent?: number;
  /** Answers by status code. */
  readonly statuses: Readonly<Record<string, number>>;
  /** No answer: refused, reset or timed out. */
  readonly errors: number;
  /** Of 2xx answers, ms. */
  readonly latency: LatencySummary;
  /** Paced runs: how late the generator sent its requests (ms, p99 and max), so its own lag can be told apart. */
  readonly sendLag?: { readonly p99: number; readonly max: number };
  /** Connections the run ended up using. */
  readonly connections: number;
  /** One failed answer's status and body, for the report when a run had any. */
  readonly sampleFailure?: string;
}

export type LoadReply = { readonly kind: 'result'; readonly result: LoadResult } | { kind: 'error'; message: string };
