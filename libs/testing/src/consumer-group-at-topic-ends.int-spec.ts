import { randomUUID } from 'node:crypto';
import { consumerGroupAtTopicEnds } from './consumer-group-at-topic-ends';
import { kafkaTestClient } from './kafka-test-client';

describe('consumerGroupAtTopicEnds', () => {
  const kafka = kafkaTestClient('group-at-ends-it');
  const admin = kafka.admin();
  const producer = kafka.producer();
  const topics = [`group-at-ends-it-a-${randomUUID()}`, `group-at-ends-it-b-${randomUUID()}`];

  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics });
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  it('commits the group at the end of every partition of every topic, whatever it had read before', async () => {
    const groupId = `group-at-ends-it-${randomUUID()}`;
    const publish = (count: number) =>
      producer.send({
        topic: topics[0] ?? '',
        messages: Array.from({ length: count }, (_, index) => ({ key: `key-${index}`, value: 'x' })),
      });
    await publish(7);
    await consumerGroupAtTopicEnds(groupId, topics);
    await publish(5);
    await consumerGroupAtTopicEnds(groupId, topics);

    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const partitions = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      expect(partitions.map(({ partition, offset }) => [partition, offset]).sort()).toEqual(
        ends.map(({ partition, high }) => [partition, high]).sort(),
      );
    }
    const total = (await admin.fetchTopicOffsets(topics[0] ?? '')).reduce((sum, { high }) => sum + Number(high), 0);
    expect(total).toBe(12);
  });
});
