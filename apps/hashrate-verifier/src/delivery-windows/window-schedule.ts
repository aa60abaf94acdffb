export interface WindowBounds {
  readonly index: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * Windows are laid from the contract's start in fixed lengths, so every party computes the same
 * boundaries; the last one is cut at the contract's end, wherever a cancellation or termination put it.
 */
export class WindowSchedule {
  constructor(
    private readonly contractStartsAt: Date,
    private readonly contractEndsAt: Date,
    private readonly windowMs: number,
  ) {
    if (!(windowMs > 0)) throw new RangeError('a window must last longer than zero');
  }

  indexAt(at: Date): number {
    return Math.max(0, Math.floor((at.getTime() - this.contractStartsAt.getTime()) / this.windowMs));
  }

  bounds(index: number): WindowBounds {
    const start = this.contractStartsAt.getTime() + index * this.windowMs;
    const end = Math.min(start + this.windowMs, this.contractEndsAt.getTime());
    return { index, startsAt: new Date(start), endsAt: new Date(end) };
  }

  /** -1 for a contract ended at its start (cancelled before it began): it has no window at all. */
  get lastIndex(): number {
    return Math.ceil((this.contractEndsAt.getTime() - this.contractStartsAt.getTime()) / this.windowMs) - 1;
  }

  /** Whether something judged at `at` falls in the contract's period: nothing after its end counts. */
  covers(at: Date): boolean {
    return at.getTime() < this.contractEndsAt.getTime();
  }
}
