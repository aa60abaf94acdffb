import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits behind a readable prefix, so a leaked token is recognisable in logs and secret scanners. */
export function newOpaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored instead of the token. A fast hash is enough here, unlike for passwords: with 256 random
 * bits there is nothing to guess, and lookups by digest stay a single index probe.
 */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
