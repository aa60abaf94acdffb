import { randomBytes } from 'node:crypto';
import { shareJudgedV1 } from '@hashproof/events';
import { type Admin, type Consumer, type Kafka } from 'kafkajs';
import { startGroupAtEnd } from './bench-kafka';
import { type CountPoint, type Curve } from './curves';

/**
 * Reads `shares.judged.v1` beside the verifier (its own consumer group) and keeps the send time (the
 * producer's CreateTime) of each event for the run's rentals: counted by key rather than by offsets,
 * so that on a shared broker (BENCH_KAFKA_BROKERS) nobody else's events count.
 */
export class JudgedEventCounter {
  private readonly sentAt: number[] = [];

  private constructor(
    private readonly consumer: Consumer,
    private readonly admin: Admin,
    private readonly groupId: string,
  ) {}

  /** Joined and positioned at the topic's end before it resolves: nothing of the run can be missed. */
  static async start(kafka: Kafka, admin: Admin, rentalIds: ReadonlySet<string>): Promise<JudgedEventCounter> {
    const groupId = `end-to-end-bench-judged-${randomBytes(4).toString('hex')}`;
    await startGroupAtEnd(kafka, admin, groupId);
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
    const counter = new JudgedEventCounter(consumer, admin, groupId);
    await consumer.connect();
    await consumer.subscribe({ topics: [shareJudgedV1.topic] });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({
      partitionsConsumedConcurrently: shareJudgedV1.partitions,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          if (message.key && rentalIds.has(message.key.toString())) counter.sentAt.push(Number(message.timestamp));
        }
      },
    });
    await joined;
    return counter;
  }

  get count(): number {
    return this.sentAt.length;
  }

  /** Events sent so far, stepping at each send time. */
  curve(): Curve {
    const sorted = [...this.sentAt].sort((a, b) => a - b);
    const points: CountPoint[] = [];
    for (const [index, at] of sorted.entries()) {
      if (points.at(-1)?.at === at) points.pop();
      points.push({ at, count: index + 1 });
    }
    return { kind: 'exact', points };
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.admin.deleteGroups([this.groupId]);
  }
}
