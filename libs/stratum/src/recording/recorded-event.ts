import { StratumParseError } from '../protocol/stratum-parse.error';

/** One line of a recorded session (docs/stratum-session-format.md). */
export interface RecordedEvent {
  /** Milliseconds since the Unix epoch when the line was seen. */
  readonly ts: number;
  readonly from: 'miner' | 'pool';
  /** The raw JSON-RPC text as sent; may itself be malformed. */
  readonly line: string;
}

export function parseRecordedEvent(text: string): RecordedEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StratumParseError('event', 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new StratumParseError('event', 'expected a JSON object');
  const { ts, from, line } = value as Record<string, unknown>;
  if (typeof ts !== 'number' || !Number.isFinite(ts))
    throw new StratumParseError('ts', 'expected milliseconds since the epoch');
  if (from !== 'miner' && from !== 'pool') throw new StratumParseError('from', 'expected "miner" or "pool"');
  if (typeof line !== 'string') throw new StratumParseError('line', 'expected the raw JSON-RPC text');
  return { ts, from, line };
}
