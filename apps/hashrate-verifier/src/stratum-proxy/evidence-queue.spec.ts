import { EvidenceQueue } from './evidence-queue';

function filled(capacity: number, count: number): EvidenceQueue<number> {
  const queue = new EvidenceQueue<number>(capacity);
  for (let item = 0; item < count; item += 1) queue.push(item);
  return queue;
}

describe('EvidenceQueue', () => {
  it('hands items out oldest first and removes exactly an acknowledged batch', () => {
    const queue = filled(10, 5);
    const batch = queue.peek(3);
    expect(batch.items).toEqual([0, 1, 2]);
    queue.acknowledge(batch);
    expect(queue.peek(10).items).toEqual([3, 4]);
  });

  it('past its capacity drops the oldest and counts each drop once', () => {
    const queue = filled(3, 5);
    expect(queue.peek(10).items).toEqual([2, 3, 4]);
    expect(queue.takeDroppedCount()).toBe(2);
    expect(queue.takeDroppedCount()).toBe(0);
  });

  it('never removes an unsent item when the oldest were dropped while a batch was in flight', () => {
    const queue = filled(4, 4);
    const inFlight = queue.peek(3); // 0, 1, 2
    queue.push(4);
    queue.push(5); // drops 0 and 1, both in the batch
    queue.acknowledge(inFlight);
    expect(queue.peek(10).items).toEqual([3, 4, 5]);
  });

  it('acknowledges nothing twice', () => {
    const queue = filled(10, 4);
    const batch = queue.peek(2);
    queue.acknowledge(batch);
    queue.acknowledge(batch);
    expect(queue.peek(10).items).toEqual([2, 3]);
  });

  it('keeps order and contents across many compactions', () => {
    const queue = new EvidenceQueue<number>(20_000);
    let next = 0;
    let expected = 0;
    for (let round = 0; round < 200; round += 1) {
      for (let pushed = 0; pushed < 700; pushed += 1) queue.push(next++);
      const batch = queue.peek(650);
      expect(batch.items[0]).toBe(expected);
      expect(batch.items.every((item, index) => item === expected + index)).toBe(true);
      queue.acknowledge(batch);
      expected += batch.items.length;
    }
    expect(queue.size).toBe(next - expected);
  });
});
