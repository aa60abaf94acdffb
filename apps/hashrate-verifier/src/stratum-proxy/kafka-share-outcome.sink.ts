import { randomUUID } from 'node:crypto';
import { connectionChangedV1, type EventMessage, shareJudgedV1 } from '@hashproof/events';
import { EVENT_PRODUCER } from '@hashproof/messaging';
import { toExplorerHex } from '@hashproof/stratum';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { EvidenceQueue } from './evidence-queue';
import type { ConnectionEvent, ShareOutcome, ShareOutcomeSink } from './share-outcome';

const flushIntervalMs = 100;
/** Evidence held while the broker is away; beyond it the oldest is dropped, and the loss logged once per outage. */
const maxBufferedMessages = 200_000;

type Pending = { topic: string; message: EventMessage };

/**
 * Sends judged shares and connection changes to Kafka in small batches from an in-memory buffer that
 * survives broker outages (bounded). The relay must never wait on Kafka: rigs keep mining meanwhile.
 */
@Injectable()
export class KafkaShareOutcomeSink implements ShareOutcomeSink {
  private readonly logger = new Logger(KafkaShareOutcomeSink.name);
  private readonly buffer = new EvidenceQueue<Pending>(maxBufferedMessages);
  private droppedInOutage = 0;
  private flushing: Promise<void> | null = null;
  private lastFailure: string | undefined;
  private readonly timer = setInterval(() => void this.flush(), flushIntervalMs);

  constructor(@Inject(EVENT_PRODUCER) private readonly producer: Producer) {}

  shareJudged(outcome: ShareOutcome): void {
    const message = shareJudgedV1.serialize(
      this.metadata(outcome.connectionId),
      { rentalId: outcome.rentalId },
      {
        connectionId: outcome.connectionId,
        judgedAt: outcome.at.toISOString(),
        valid: outcome.verdict.valid,
        reason: outcome.verdict.reason,
        assignedDifficulty: outcome.verdict.assignedDifficulty,
        achievedDifficulty: outcome.verdict.achievedDifficulty,
        hash: outcome.verdict.hash ? toExplorerHex(outcome.verdict.hash) : null,
        forwarded: outcome.forwarded,
        poolVerdict: outcome.poolVerdict,
        blockCandidate: outcome.blockCandidate,
      },
    );
    this.enqueue({ topic: shareJudgedV1.topic, message });
  }

  connectionChanged(event: ConnectionEvent): void {
    const message = connectionChangedV1.serialize(
      this.metadata(event.connectionId),
      { rentalId: event.rentalId },
      {
        connectionId: event.connectionId,
        at: event.at.toISOString(),
        kind: event.kind,
        detail: event.detail?.slice(0, 500) ?? null,
      },
    );
    this.enqueue({ topic: connectionChangedV1.topic, message });
  }

  /** The endpoint's lifecycle calls this after the last rig is gone; the producer is still connected then. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.buffer.size > 0)
      this.logger.error({ msg: 'evidence not sent before shutdown', messages: this.buffer.size });
  }

  private metadata(connectionId: string) {
    return {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      correlationId: connectionId,
      causationId: null,
      producer: 'hashrate-verifier',
    };
  }

  private enqueue(pending: Pending): void {
    this.buffer.push(pending);
    const dropped = this.buffer.takeDroppedCount();
    if (dropped === 0) return;
    if (this.droppedInOutage === 0) {
      this.logger.error({ msg: 'evidence buffer full: dropping the oldest share events', limit: maxBufferedMessages });
    }
    this.droppedInOutage += dropped;
  }

  private flush(): Promise<void> {
    this.flushing ??= this.sendBuffered().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async sendBuffered(): Promise<void> {
    while (this.buffer.size > 0) {
      const batch = this.buffer.peek(1_000);
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: byTopic(batch.items) });
      } catch (error) {
        this.logger.warn({
          msg: 'evidence will be re-sent',
          reason: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      this.buffer.acknowledge(batch);
    }
    this.reportLoss();
  }

  /** Once the backlog is sent, how much evidence the outage cost. */
  private reportLoss(): void {
    if (this.droppedInOutage === 0) return;
    this.logger.error({ msg: 'evidence sent again after an outage; some was lost', dropped: this.droppedInOutage });
    this.droppedInOutage = 0;
  }
}

function byTopic(batch: readonly Pending[]): { topic: string; messages: EventMessage[] }[] {
  const topics = new Map<string, EventMessage[]>();
  for (const { topic, message } of batch) {
    const messages = topics.get(topic) ?? [];
    messages.push(message);
    topics.set(topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
