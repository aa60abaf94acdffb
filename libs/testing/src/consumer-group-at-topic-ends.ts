import { kafkaTestClient } from './kafka-test-client';
import { waitFor } from './wait-for';

/**
 * Commits `groupId` at the current end of `topics`, so a service started in that group reads only what
 * comes after: the local broker keeps what every earlier run published, and catching up on it would slow
 * a test down run by run. Waits for an earlier member of the group to leave first.
 */
export async function consumerGroupAtTopicEnds(groupId: string, topics: readonly string[]): Promise<void> {
  const admin = kafkaTestClient(`${groupId}-setup`).admin();
  await admin.connect();
  try {
    await waitFor(
      async () => ['Empty', 'Dead'].includes((await admin.describeGroups([groupId])).groups[0]?.state ?? ''),
      { what: `consumer group ${groupId} to have no members` },
    );
    for (const topic of topics) {
      const partitions = (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({
        partition,
        offset: high,
      }));
      await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}
