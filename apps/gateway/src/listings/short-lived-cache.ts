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
    const now = this.now();
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > now) return kept.value;
    this.entries.delete(key);
    const value = load();
    this.entries.set(key, { expiresAt: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
