import { topicCatalog } from '@hashproof/events';
import type { Kafka } from 'kafkajs';
import { kafkaTestClient } from './kafka-test-client';
import { waitFor } from './wait-for';

interface PartitionEnd {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Commits `groupId` at the current end of `topics` (by default every topic of the catalog, so a service's
 * group needs no list that a new subscription would outdate), so a service started in that group reads only
 * what comes after: the local broker keeps what every earlier run published, and catching up on it would slow
 * a test down run by run. Waits for an earlier member of the group to leave first.
 */
export async function consumerGroupAtTopicEnds(
  groupId: string,
  topics: readonly string[] = topicCatalog.map(({ topic }) => topic),
): Promise<void> {
  const kafka = kafkaTestClient(`${groupId}-setup`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => ['Empty', 'Dead'].includes((await admin.describeGroups([groupId])).groups[0]?.state ?? ''),
      { what: `consumer group ${groupId} to have no members` },
    );
    const ends = await Promise.all(
      topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high })),
      ),
    );
    await commitAsMember(kafka, groupId, topics, ends.flat());
  } finally {
    await admin.disconnect();
  }
}

/**
 * Joins the group once for all topics and commits there. kafkajs' admin.setOffsets joins once per topic and
 * then waits for a fetch, several seconds each; a member reading nothing can commit as soon as it has joined.
 */
async function commitAsMember(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
  ends: readonly PartitionEnd[],
): Promise<void> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics] });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    consumer.pause(topics.map((topic) => ({ topic })));
    await joined;
    await consumer.commitOffsets(ends.map((end) => ({ ...end })));
  } finally {
    await consumer.disconnect();
  }
}
