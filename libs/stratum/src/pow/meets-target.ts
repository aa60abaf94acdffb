/** hash ≤ target, both 32 little-endian bytes; compares from the most significant byte. */
export function meetsTarget(hash: Uint8Array, targetLittleEndian: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const h = hash[i] ?? 0;
    const t = targetLittleEndian[i] ?? 0;
    if (h !== t) return h < t;
  }
  return true;
}
