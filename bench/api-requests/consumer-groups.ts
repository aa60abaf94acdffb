import { type Admin, type Kafka } from 'kafkajs';
import { startGroupAtEnd } from '../end-to-end-shares/bench-kafka';

/**
 * The run's consumer groups on the shared broker, all named `<prefix>-…`: each service gets a fresh one placed at
 * the end of every topic, so nothing re-reads what earlier runs and tests published. Placing a group costs one
 * join for all topics (a few seconds); @hashproof/testing's consumerGroupAtTopicEnds joins once per topic, a
 * minute for the catalog. At the end every group of the run is deleted, those the services derived from theirs
 * (`<group>.<name>`) included.
 */
export class RunConsumerGroups {
  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    readonly prefix: string,
  ) {}

  groupFor(service: string): string {
    return `${this.prefix}-${service}`;
  }

  async placeAtTopicEnds(services: readonly string[]): Promise<void> {
    await Promise.all(services.map((service) => startGroupAtEnd(this.kafka, this.admin, this.groupFor(service))));
  }

  /** Once the services are gone; resolves with the groups deleted. */
  async deleteAll(): Promise<string[]> {
    const { groups } = await this.admin.listGroups();
    const ours = groups.map(({ groupId }) => groupId).filter((groupId) => groupId.startsWith(this.prefix));
    if (ours.length > 0) await this.admin.deleteGroups(ours);
    return ours;
  }
}
