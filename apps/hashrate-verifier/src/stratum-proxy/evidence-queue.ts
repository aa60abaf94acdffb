/** A batch taken from the queue; acknowledging it removes exactly its items, whatever was dropped meanwhile. */
export interface EvidenceBatch<T> {
  readonly items: readonly T[];
  readonly endSequence: number;
}

/**
 * First in, first out, bounded: past the bound the oldest item is dropped (counted, not thrown) so that a
 * long broker outage costs old evidence rather than memory. Every operation is amortised O(1) per item.
 * Items carry an absolute sequence number, so a batch in flight while the oldest are dropped is acknowledged
 * without removing anything it did not send.
 */
export class EvidenceQueue<T> {
  private items: T[] = [];
  /** Index in `items` of the oldest item kept. */
  private head = 0;
  /** Sequence number of `items[head]`. */
  private headSequence = 0;
  private droppedSinceReport = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
    if (this.size > this.capacity) {
      this.advance(1);
      this.droppedSinceReport += 1;
    }
  }

  peek(maxItems: number): EvidenceBatch<T> {
    const items = this.items.slice(this.head, this.head + maxItems);
    return { items, endSequence: this.headSequence + items.length };
  }

  acknowledge(batch: EvidenceBatch<T>): void {
    this.advance(Math.max(0, batch.endSequence - this.headSequence));
  }

  /** How many items were dropped since the last call. */
  takeDroppedCount(): number {
    const dropped = this.droppedSinceReport;
    this.droppedSinceReport = 0;
    return dropped;
  }

  private advance(count: number): void {
    this.head += count;
    this.headSequence += count;
    // Compact once the dead prefix is at least half the array: each item is copied O(1) times on average.
    if (this.head >= 1_024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
