/** BIP 310 mask most ASICs negotiate: bits 13–28 of the version. */
export const DEFAULT_VERSION_ROLLING_MASK = 0x1fffe000;

/** Rolled version = (job version & ~mask) | (version bits & mask). */
export function rollVersion(jobVersion: number, versionBits: number, mask: number): number {
  return ((jobVersion & ~mask) | (versionBits & mask)) >>> 0;
}

/** Version bits that touch anything outside the negotiated mask are not allowed. */
export function versionBitsWithinMask(versionBits: number, mask: number): boolean {
  return (versionBits & ~mask) >>> 0 === 0;
}
