import { StratumParseError } from './stratum-parse.error';

const HEX = /^[0-9a-fA-F]*$/;

export function readHex(value: unknown, field: string, byteLength?: number): Buffer {
  if (typeof value !== 'string') throw new StratumParseError(field, `expected a hex string, got ${describe(value)}`);
  if (value.length % 2 !== 0 || !HEX.test(value)) throw new StratumParseError(field, `not valid hex: "${clip(value)}"`);
  if (byteLength !== undefined && value.length !== byteLength * 2) {
    throw new StratumParseError(field, `expected ${byteLength} bytes, got ${value.length / 2}`);
  }
  return Buffer.from(value, 'hex');
}

/** A 32-bit field sent as 8 big-endian hex digits (version, nbits, ntime, nonce, version bits). */
export function readUint32Hex(value: unknown, field: string): number {
  return readHex(value, field, 4).readUInt32BE(0);
}

export function readString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new StratumParseError(field, `expected a string, got ${describe(value)}`);
  return value;
}

export function readBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new StratumParseError(field, `expected true or false, got ${describe(value)}`);
  return value;
}

export function readPositiveNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new StratumParseError(field, `expected a positive number, got ${describe(value)}`);
  }
  return value;
}

export function readByteCount(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new StratumParseError(field, `expected an integer from 0 to ${max}, got ${describe(value)}`);
  }
  return value;
}

export function readArray(value: unknown, field: string, minLength = 0): unknown[] {
  if (!Array.isArray(value)) throw new StratumParseError(field, `expected an array, got ${describe(value)}`);
  if (value.length < minLength)
    throw new StratumParseError(field, `expected at least ${minLength} items, got ${value.length}`);
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${clip(value)}"` : typeof value;
}

function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
