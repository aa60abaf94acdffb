import { randomBytes } from 'node:crypto';

/**
 * A fresh worker name for one rental: 144 random bits, base64url, so it cannot be guessed and fits any
 * miner's worker field. Pools and miners treat worker names as opaque strings.
 */
export function issueStratumCredential(): string {
  return `hp_${randomBytes(18).toString('base64url')}`;
}
