import type { EntityManager } from 'typeorm';

/**
 * The next offset of each partition a consumer has applied, kept in the consumer's own schema and written in
 * the transaction that applies the messages: no row per event, for high-volume streams whose producer never
 * re-sends an event under a new offset (an idempotent producer). A message below the stored offset has been
 * applied already, whatever the consumer group's committed offset says.
 */
export class PartitionOffsets {
  constructor(private readonly consumerName: string) {}

  /**
   * Locks the partition's row until the transaction ends and returns its next offset (0 if never consumed).
   * Two consumers on one partition (a member that has not yet noticed a rebalance) queue here, so the
   * second sees what the first stored. The update changes nothing: it is what locks a row that may not exist.
   */
  async lock(transaction: EntityManager, topic: string, partition: number): Promise<bigint> {
    const [row] = await transaction.query<{ next_offset: string }[]>(
      `INSERT INTO "consumed_offsets" ("consumer", "topic", "partition", "next_offset") VALUES ($1, $2, $3, 0)
       ON CONFLICT ("consumer", "topic", "partition") DO UPDATE SET "next_offset" = "consumed_offsets"."next_offset"
       RETURNING "next_offset"`,
      [this.consumerName, topic, partition],
    );
    if (!row) throw new Error(`no stored offset for ${topic}:${partition}`);
    return BigInt(row.next_offset);
  }

  /** Only under the lock taken by `lock` in the same transaction. */
  async store(transaction: EntityManager, topic: string, partition: number, nextOffset: bigint): Promise<void> {
    await transaction.query(
      `UPDATE "consumed_offsets" SET "next_offset" = $4 WHERE "consumer" = $1 AND "topic" = $2 AND "partition" = $3`,
      [this.consumerName, topic, partition, nextOffset.toString()],
    );
  }
}
