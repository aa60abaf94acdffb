import { type ShareSubmission } from '../protocol/stratum-message';

/**
 * The identity of a share (job, extranonce2, ntime, nonce, rolled version) as a short string for a
 * Set. Fixed-width fields come first, then extranonce2 behind its length, then the job id, so the
 * string decodes back to one share and two shares collide only if they are the same. Raw char codes
 * instead of hex and decimal: the key is built and hashed for every share, and a session keeps them all.
 */
export function duplicateKey(share: ShareSubmission, version: number): string {
  const { ntime, nonce, extranonce2 } = share;
  return (
    String.fromCharCode(
      ntime >>> 16,
      ntime & 0xffff,
      nonce >>> 16,
      nonce & 0xffff,
      version >>> 16,
      version & 0xffff,
      extranonce2.length,
    ) +
    extranonce2.toString('latin1') +
    share.jobId
  );
}
