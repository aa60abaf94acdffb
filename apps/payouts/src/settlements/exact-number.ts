/**
 * floor(value × numerator / denominator), exact for any finite non-negative double. A double is an integer
 * times a power of two, so BigInt arithmetic carries it through without the rounding a float product would
 * add: delivered work times 2^32 hashes overflows float precision long before it overflows a rental's value.
 */
export function floorOfScaled(value: number, numerator: bigint, denominator: bigint): bigint {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`expected a finite non-negative number, got ${value}`);
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const { mantissa, exponent } = binaryParts(value);
  const scaled = mantissa * numerator;
  return exponent >= 0 ? (scaled << BigInt(exponent)) / denominator : scaled / (denominator << BigInt(-exponent));
}

/** value = mantissa × 2^exponent, read from its IEEE 754 bits. */
function binaryParts(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
}
