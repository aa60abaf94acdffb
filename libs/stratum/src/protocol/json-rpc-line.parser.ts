import { StratumParseError } from './stratum-parse.error';
import { type JsonRpcId } from './stratum-message';

export type JsonRpcFrame =
  | { readonly type: 'call'; readonly id: JsonRpcId; readonly method: string; readonly params: unknown }
  | { readonly type: 'response'; readonly id: JsonRpcId; readonly result: unknown; readonly error: unknown };

/** One newline-delimited JSON-RPC line → a call (request or notification) or a response. */
export function parseJsonRpcLine(line: string): JsonRpcFrame {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new StratumParseError('line', 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StratumParseError('line', 'expected a JSON object');
  }
  const frame = value as Record<string, unknown>;
  const id = readId(frame['id']);
  if ('method' in frame) {
    if (typeof frame['method'] !== 'string') throw new StratumParseError('method', 'expected a string');
    return { type: 'call', id, method: frame['method'], params: frame['params'] ?? [] };
  }
  if ('result' in frame || 'error' in frame) {
    return { type: 'response', id, result: frame['result'] ?? null, error: frame['error'] ?? null };
  }
  throw new StratumParseError('line', 'neither a call (method) nor a response (result/error)');
}

function readId(id: unknown): JsonRpcId {
  if (id === undefined || id === null) return null;
  if (typeof id === 'number' || typeof id === 'string') return id;
  throw new StratumParseError('id', 'expected a number, a string or null');
}
