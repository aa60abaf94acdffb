export type RefreshVerdict = 'rotate' | 'reuse' | 'revoked' | 'expired';

export interface RefreshTokenState {
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly expiresAt: Date;
}

/**
 * What to do with a presented refresh token. A token already spent means two parties hold it, the
 * rightful client and possibly a thief, with no way to tell which one is asking: `reuse` ends the whole
 * session (RFC 9700 §4.14). Reuse is judged before expiry, so a stolen token is not harmless once old.
 */
export function judgeRefreshToken(token: RefreshTokenState, now: Date): RefreshVerdict {
  if (token.revokedAt !== null) return 'revoked';
  if (token.usedAt !== null) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
