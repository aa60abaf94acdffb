import { createHash, hash } from 'node:crypto';

// crypto.hash (Node ≥ 20.12) is a one-shot digest without a Hash object per call: about 1.7×
// faster for the small inputs of share validation. Fall back where it does not exist.
const oneShot =
  typeof hash === 'function' ? (data: Uint8Array) => hash('sha256', data, 'buffer') as unknown as Buffer : undefined;

function sha256Fallback(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

export const sha256: (data: Uint8Array) => Buffer = oneShot ?? sha256Fallback;

/** Bitcoin's hash: SHA-256 applied twice. Output in internal byte order (not explorer order). */
export function sha256d(data: Uint8Array): Buffer {
  return sha256(sha256(data));
}
