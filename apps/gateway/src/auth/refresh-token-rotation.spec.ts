import { judgeRefreshToken } from './refresh-token-rotation';

const now = new Date('2026-01-01T12:00:00Z');
const later = new Date('2026-01-02T12:00:00Z');
const earlier = new Date('2025-12-31T12:00:00Z');
const fresh = { usedAt: null, revokedAt: null, expiresAt: later };

describe('refresh token rotation', () => {
  it('rotates a live, unspent token', () => {
    expect(judgeRefreshToken(fresh, now)).toBe('rotate');
  });

  it('calls a spent token reuse, even after it expired, so the session gets revoked', () => {
    expect(judgeRefreshToken({ ...fresh, usedAt: earlier }, now)).toBe('reuse');
    expect(judgeRefreshToken({ ...fresh, usedAt: earlier, expiresAt: earlier }, now)).toBe('reuse');
  });

  it('refuses a token of a revoked session without treating it as a new theft', () => {
    expect(judgeRefreshToken({ ...fresh, usedAt: earlier, revokedAt: earlier }, now)).toBe('revoked');
  });

  it('expires at the expiry instant', () => {
    expect(judgeRefreshToken({ ...fresh, expiresAt: now }, now)).toBe('expired');
  });
});
