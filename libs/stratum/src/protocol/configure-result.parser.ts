import { readUint32Hex } from './field-readers';
import { StratumParseError } from './stratum-parse.error';

/**
 * BIP 310: the pool answers {"version-rolling": true, "version-rolling.mask": "1fffe000"}.
 * Returns the negotiated mask, 0 when the pool refused version rolling.
 */
export function parseVersionRollingMask(result: unknown): number {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new StratumParseError('result', 'expected an object of extension results');
  }
  const extensions = result as Record<string, unknown>;
  if (extensions['version-rolling'] !== true) return 0;
  return readUint32Hex(extensions['version-rolling.mask'], 'version-rolling.mask');
}
