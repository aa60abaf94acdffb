interface Entry<T> {
  readonly expiresAt: number;
  readonly value: Promise<T>;
}

/**
 * Answers kept for `ttlMs` from when they were asked for, at most `capacity` of them (the oldest go first), in
 * this process. Callers asking for a key while its answer is on its way share that one request; a failed answer is
 * not kept, so the next caller asks again.
 */
export class ShortLivedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const kept = this.fresh(key);
    if (kept) return kept;
    const value = load();
    this.keep(key, value);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /**
   * For answers that depend on who asks unless `shared(answer)` says otherwise: a load is never shared while on its
   * way, and only a shared answer is kept for later callers.
   */
  async getShared(key: string, load: () => Promise<T>, shared: (answer: T) => boolean): Promise<T> {
    const kept = this.fresh(key);
    if (kept) return kept;
    const answer = await load();
    if (shared(answer)) this.keep(key, Promise.resolve(answer));
    return answer;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private fresh(key: string): Promise<T> | undefined {
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > this.now()) return kept.value;
    this.entries.delete(key);
    return undefined;
  }

  private keep(key: string, value: Promise<T>): void {
    this.entries.set(key, { expiresAt: this.now() + this.ttlMs, value });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}
