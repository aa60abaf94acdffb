/**
 * A token bucket per rig connection: vardiff keeps an honest rig near 18 shares a minute, so a
 * connection sending tens of messages a second for long is flooding and gets cut.
 */
export class MessageRateLimiter {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** False once the connection exceeded its allowance. */
  allow(nowMs: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) / 1000) * this.perSecond);
    this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
