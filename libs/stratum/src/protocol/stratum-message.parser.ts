import { readArray, readByteCount, readHex, readPositiveNumber, readString } from './field-readers';
import { parseJsonRpcLine } from './json-rpc-line.parser';
import { MAX_EXTRANONCE2_SIZE } from './limits';
import { parseNotifyParams } from './notify.parser';
import { type StratumMessage } from './stratum-message';
import { parseSubmitParams } from './submit.parser';

/** Strictly parses one Stratum V1 line; throws StratumParseError naming the bad field. */
export function parseStratumLine(line: string): StratumMessage {
  const frame = parseJsonRpcLine(line);
  if (frame.type === 'response') return { kind: 'response', id: frame.id, result: frame.result, error: frame.error };
  const { id, params } = frame;
  switch (frame.method) {
    case 'mining.configure': {
      const p = readArray(params, 'params', 1);
      const extensions = readArray(p[0], 'extensions').map((name, i) => readString(name, `extensions[${i}]`));
      const options = typeof p[1] === 'object' && p[1] !== null ? (p[1] as Record<string, unknown>) : {};
      return { kind: 'configure', id, extensions, options };
    }
    case 'mining.subscribe':
      return { kind: 'subscribe', id };
    case 'mining.authorize':
      return { kind: 'authorize', id, worker: readString(readArray(params, 'params', 1)[0], 'worker_name') };
    case 'mining.submit':
      return { kind: 'submit', id, share: parseSubmitParams(params) };
    case 'mining.set_difficulty':
      return {
        kind: 'set-difficulty',
        difficulty: readPositiveNumber(readArray(params, 'params', 1)[0], 'difficulty'),
      };
    case 'mining.set_extranonce': {
      const p = readArray(params, 'params', 2);
      return {
        kind: 'set-extranonce',
        extranonce1: readHex(p[0], 'extranonce1'),
        extranonce2Size: readByteCount(p[1], 'extranonce2_size', MAX_EXTRANONCE2_SIZE),
      };
    }
    case 'mining.notify':
      return { kind: 'notify', job: parseNotifyParams(params) };
    default:
      return { kind: 'other', id, method: frame.method };
  }
}
