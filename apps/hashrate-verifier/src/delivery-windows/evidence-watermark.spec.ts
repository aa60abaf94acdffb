import type { PartitionProgress } from '@hashproof/messaging';
import { EvidenceWatermark } from './evidence-watermark';

const at = (second: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, second));
const partition = (index: number, end: bigint, committed: bigint | null, start = 0n): PartitionProgress => ({
  topic: 'shares.judged.v1',
  partition: index,
  start,
  end,
  committed,
});

describe('EvidenceWatermark', () => {
  it('follows the clock while the group keeps up', () => {
    const watermark = new EvidenceWatermark();
    expect(watermark.advance(at(0), [partition(0, 10n, 10n)])).toEqual(at(0));
    expect(watermark.advance(at(5), [partition(0, 12n, 12n)])).toEqual(at(5));
  });

  it('stays where it was while the group lags, then jumps to the checkpoint it caught up with', () => {
    const watermark = new EvidenceWatermark();
    expect(watermark.advance(at(0), [partition(0, 10n, 10n), partition(1, 5n, 5n)])).toEqual(at(0));
    // At 5 s the ends are 100 and 7; the group is behind on the first.
    expect(watermark.advance(at(5), [partition(0, 100n, 40n), partition(1, 7n, 7n)])).toEqual(at(0));
    // Later ends do not move the checkpoint taken at 5 s...
    expect(watermark.advance(at(10), [partition(0, 200n, 99n), partition(1, 9n, 9n)])).toEqual(at(0));
    // ...which is reached once 100 is committed, though the partition has grown since.
    expect(watermark.advance(at(15), [partition(0, 300n, 100n), partition(1, 9n, 9n)])).toEqual(at(5));
  });

  it('never reaches a checkpoint the group has not consumed, for instance before its first commit', () => {
    const watermark = new EvidenceWatermark();
    expect(watermark.advance(at(0), [partition(0, 3n, null)])).toBeNull();
    expect(watermark.advance(at(5), [partition(0, 3n, 2n)])).toBeNull();
  });

  it('does not wait on partitions that hold nothing, even when retention emptied them', () => {
    const watermark = new EvidenceWatermark();
    expect(watermark.advance(at(0), [partition(0, 0n, null), partition(1, 50n, null, 50n)])).toEqual(at(0));
  });
});
