import { connectionChangedV1, shareJudgedV1 } from '@hashproof/events';
import { type BatchConsumer, BatchConsumers, batchRoute } from '@hashproof/messaging';
import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { RecordConnectionChangeUseCase } from './record-connection-change.usecase';
import { RecordSharesUseCase } from './record-shares.usecase';

/**
 * Applies the evidence streams to delivery windows a partition batch at a time, in the consumer group
 * `<service group>.evidence`. Started with the app, stopped before it goes: the chunk in flight is finished
 * and committed, then the group is left.
 */
@Injectable()
export class EvidenceConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: BatchConsumer;

  constructor(
    consumers: BatchConsumers,
    recordShares: RecordSharesUseCase,
    recordChange: RecordConnectionChangeUseCase,
  ) {
    this.consumer = consumers.create('evidence', [
      batchRoute(shareJudgedV1, (events, transaction) => recordShares.execute(events, transaction)),
      // A few per rig connection: applied one by one, in order, in the batch's transaction.
      batchRoute(connectionChangedV1, async (events, transaction) => {
        for (const event of events) await recordChange.execute(event, transaction);
        return [];
      }),
    ]);
  }

  /** The group whose committed offsets are the evidence watermark's. */
  get groupId(): string {
    return this.consumer.groupId;
  }

  get topics(): readonly string[] {
    return this.consumer.topics;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
