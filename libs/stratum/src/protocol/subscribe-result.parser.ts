import { readArray, readByteCount, readHex } from './field-readers';
import { MAX_EXTRANONCE2_SIZE } from './limits';

export interface SubscribeResult {
  readonly extranonce1: Buffer;
  readonly extranonce2Size: number;
}

/** result = [[subscriptions…], extranonce1, extranonce2_size] */
export function parseSubscribeResult(result: unknown): SubscribeResult {
  const r = readArray(result, 'result', 3);
  return {
    extranonce1: readHex(r[1], 'extranonce1'),
    extranonce2Size: readByteCount(r[2], 'extranonce2_size', MAX_EXTRANONCE2_SIZE),
  };
}
