import type { Admin } from 'kafkajs';

/** One partition as seen at one moment: what it holds, and how far a consumer group has consumed it. */
export interface PartitionProgress {
  readonly topic: string;
  readonly partition: number;
  /** The first offset still kept. */
  readonly start: bigint;
  /** The offset the next message will get (the high watermark). */
  readonly end: bigint;
  /** The group's committed offset: the next one it will read; null before its first commit. */
  readonly committed: bigint | null;
}

/** Where one of the service's consumer groups stands on some topics, read through the admin API. */
export class ConsumerGroupProgress {
  constructor(private readonly admin: Admin) {}

  async of(groupId: string, topics: readonly string[]): Promise<PartitionProgress[]> {
    await this.admin.connect();
    const [ends, committed] = await Promise.all([
      Promise.all(topics.map(async (topic) => ({ topic, partitions: await this.admin.fetchTopicOffsets(topic) }))),
      this.admin.fetchOffsets({ groupId, topics: [...topics] }),
    ]);
    const committedAt = new Map(
      committed.flatMap(({ topic, partitions }) =>
        partitions.map(({ partition, offset }) => [`${topic}:${partition}`, BigInt(offset)] as const),
      ),
    );
    return ends.flatMap(({ topic, partitions }) =>
      partitions.map(({ partition, low, high }) => {
        const offset = committedAt.get(`${topic}:${partition}`);
        return {
          topic,
          partition,
          start: BigInt(low),
          end: BigInt(high),
          committed: offset === undefined || offset < 0n ? null : offset,
        };
      }),
    );
  }
}
