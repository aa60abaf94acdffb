/** Target of difficulty 1 (pool difficulty, "pdiff"): 0x00000000FFFF0000…0000. */
export const DIFFICULTY_ONE_TARGET = 0xffffn << 208n;

const FLOAT_VIEW = new DataView(new ArrayBuffer(8));

/**
 * floor(diff1Target / difficulty), exact for any finite positive double: a double is
 * mantissa · 2^exponent with an integer mantissa, so the division is done in integers.
 */
export function targetForDifficulty(difficulty: number): bigint {
  if (!(difficulty > 0) || !Number.isFinite(difficulty))
    throw new RangeError(`difficulty must be finite and > 0, got ${difficulty}`);
  const { mantissa, exponent } = decomposeDouble(difficulty);
  return exponent >= 0
    ? DIFFICULTY_ONE_TARGET / (mantissa << BigInt(exponent))
    : (DIFFICULTY_ONE_TARGET << BigInt(-exponent)) / mantissa;
}

function decomposeDouble(value: number): { mantissa: bigint; exponent: number } {
  FLOAT_VIEW.setFloat64(0, value);
  const bits = FLOAT_VIEW.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biasedExponent === 0
    ? { mantissa: fraction, exponent: -1074 }
    : { mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
}

/** Network target from the compact nBits encoding (mantissa · 256^(exponent − 3)). */
export function targetFromNbits(nbits: number): bigint {
  const exponent = nbits >>> 24;
  const mantissa = BigInt(nbits & 0x007fffff);
  if (nbits & 0x00800000) return 0n; // negative targets are invalid and can never be met
  return exponent <= 3 ? mantissa >> BigInt(8 * (3 - exponent)) : mantissa << BigInt(8 * (exponent - 3));
}

/** The 256-bit number a hash in internal byte order (little-endian) stands for. */
export function hashToBigInt(hash: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(hash).reverse().toString('hex')}`);
}

/** A target as 32 little-endian bytes, the layout hashes are compared in. */
export function targetToLittleEndian(target: bigint): Buffer {
  return Buffer.from(target.toString(16).padStart(64, '0'), 'hex').reverse();
}

/** Difficulty a hash achieved: diff1Target / hash (float; for reporting, not for crediting). */
export function achievedDifficulty(hash: Uint8Array): number {
  let value = 0;
  for (let i = 31; i >= 0; i--) value = value * 256 + (hash[i] ?? 0);
  return value === 0 ? Infinity : Number(DIFFICULTY_ONE_TARGET) / value;
}

/** Network difficulty of an nBits value, as explorers show it. */
export function difficultyFromNbits(nbits: number): number {
  return Number(DIFFICULTY_ONE_TARGET) / Number(targetFromNbits(nbits));
}
