import type { TopicSettings } from '@hashproof/events';
import type { Admin } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';

export interface ProvisioningReport {
  readonly created: string[];
  readonly grown: string[];
  readonly unchanged: string[];
}

/**
 * Makes the broker's topics match the catalog: creates missing ones, adds partitions where the catalog
 * asks for more (Kafka cannot remove them), and sets retention. Safe to run any number of times.
 */
export async function provisionTopics(
  admin: Admin,
  catalog: readonly TopicSettings[],
  replicationFactor = 1,
): Promise<ProvisioningReport> {
  const existing = new Set(await admin.listTopics());
  const missing = catalog.filter((settings) => !existing.has(settings.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((settings) => ({
        topic: settings.topic,
        numPartitions: settings.partitions,
        replicationFactor,
        configEntries: [{ name: 'retention.ms', value: String(settings.retentionMs) }],
      })),
    });
  }
  const present = catalog.filter((settings) => existing.has(settings.topic));
  const grown = await growPartitions(admin, present);
  if (present.length > 0) {
    await admin.alterConfigs({
      validateOnly: false,
      resources: present.map((settings) => ({
        type: ConfigResourceTypes.TOPIC,
        name: settings.topic,
        configEntries: [{ name: 'retention.ms', value: String(settings.retentionMs) }],
      })),
    });
  }
  return {
    created: missing.map((settings) => settings.topic),
    grown,
    unchanged: present.map((settings) => settings.topic).filter((topic) => !grown.includes(topic)),
  };
}

async function growPartitions(admin: Admin, present: readonly TopicSettings[]): Promise<string[]> {
  if (present.length === 0) return [];
  const { topics } = await admin.fetchTopicMetadata({ topics: present.map((settings) => settings.topic) });
  const current = new Map(topics.map((topic) => [topic.name, topic.partitions.length]));
  const toGrow = present.filter((settings) => (current.get(settings.topic) ?? 0) < settings.partitions);
  if (toGrow.length > 0) {
    await admin.createPartitions({ topicPartitions: toGrow.map((s) => ({ topic: s.topic, count: s.partitions })) });
  }
  return toGrow.map((settings) => settings.topic);
}
