export interface VardiffOptions {
  readonly targetSharesPerMinute: number;
  readonly minDifficulty: number;
  readonly maxDifficulty: number;
  /** Retarget at least this often once shares (or their absence) say something. */
  readonly retargetIntervalMs: number;
}

/** Largest step per retarget, so one lucky or unlucky window cannot swing the difficulty wildly. */
const MAX_STEP = 16;
/** Within this factor of the target the difficulty stays put: Poisson noise, not a trend. */
const DEAD_BAND = 1.5;
/** Retarget early once this many windows' worth of shares arrived: a flood needs no waiting. */
const EARLY_RETARGET_WINDOWS = 4;

/**
 * Adjusts one connection's share difficulty so it finds about `targetSharesPerMinute` shares:
 * difficulty × √(observed rate / target rate), clamped. The caller feeds accepted shares and asks
 * for a retarget whenever convenient (on each share and on each new job).
 */
export class VardiffController {
  private sharesInWindow = 0;
  private windowStartMs: number;

  constructor(
    private readonly options: VardiffOptions,
    nowMs: number,
  ) {
    this.windowStartMs = nowMs;
  }

  recordShare(): void {
    this.sharesInWindow++;
  }

  /** The new difficulty, or null to keep the current one. Starts a new window when it answers. */
  retarget(current: number, nowMs: number): number | null {
    const elapsedMs = nowMs - this.windowStartMs;
    const windowShares = (this.options.targetSharesPerMinute * this.options.retargetIntervalMs) / 60_000;
    const flooded = this.sharesInWindow >= EARLY_RETARGET_WINDOWS * windowShares;
    if (elapsedMs <= 0 || (elapsedMs < this.options.retargetIntervalMs && !flooded)) return null;
    // Half a share when none came: a finite guess that still says "far too hard".
    const observedPerMinute = (Math.max(this.sharesInWindow, 0.5) * 60_000) / elapsedMs;
    this.sharesInWindow = 0;
    this.windowStartMs = nowMs;
    const ratio = observedPerMinute / this.options.targetSharesPerMinute;
    if (ratio < DEAD_BAND && ratio > 1 / DEAD_BAND) return null;
    // Half the step in log terms: a window holds only a handful of shares, so its rate is noisy.
    const step = Math.sqrt(ratio);
    const next = this.clamp(current * Math.min(MAX_STEP, Math.max(1 / MAX_STEP, step)));
    return next === current ? null : next;
  }

  private clamp(difficulty: number): number {
    const { minDifficulty, maxDifficulty } = this.options;
    return Number(Math.min(maxDifficulty, Math.max(minDifficulty, difficulty)).toPrecision(4));
  }
}
