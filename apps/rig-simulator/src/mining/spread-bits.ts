/** Deposits the low bits of `counter` into the set bits of `mask`, lowest first (a software PDEP). */
export function spreadBits(counter: number, mask: number): number {
  let out = 0;
  let rest = counter;
  for (let bit = 0; bit < 32 && rest > 0; bit++) {
    if (((mask >>> bit) & 1) === 0) continue;
    if (rest & 1) out |= 1 << bit;
    rest = Math.floor(rest / 2);
  }
  return out >>> 0;
}

export function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask >>> 0; rest !== 0; rest >>>= 1) count += rest & 1;
  return count;
}
