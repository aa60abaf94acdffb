import { randomUUID } from 'node:crypto';
import { connectionChangedV1, type EventMessage, shareJudgedV1 } from '@hashproof/events';
import { EVENT_PRODUCER } from '@hashproof/messaging';
import { toExplorerHex } from '@hashproof/stratum';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { ConnectionEvent, ShareOutcome, ShareOutcomeSink } from './share-outcome';

const flushIntervalMs = 100;
/** Evidence held while the broker is away; beyond it the oldest is dropped and the loss is logged. */
const maxBufferedMessages = 200_000;

type Pending = { topic: string; message: EventMessage };

/**
 * Sends judged shares and connection changes to Kafka in small batches from an in-memory buffer that
 * survives broker outages (bounded). The relay must never wait on Kafka: rigs keep mining meanwhile.
 */
@Injectable()
export class KafkaShareOutcomeSink implements ShareOutcomeSink {
  private readonly logger = new Logger(KafkaShareOutcomeSink.name);
  private buffer: Pending[] = [];
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
    if (this.buffer.length > 0)
      this.logger.error({ msg: 'evidence not sent before shutdown', messages: this.buffer.length });
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
    if (this.buffer.length > maxBufferedMessages) {
      this.buffer.shift();
      this.logger.error({ msg: 'evidence buffer full; oldest share event dropped', limit: maxBufferedMessages });
    }
  }

  private flush(): Promise<void> {
    this.flushing ??= this.sendBuffered().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async sendBuffered(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, 1_000);
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: byTopic(batch) });
      } catch (error) {
        this.logger.warn({
          msg: 'evidence will be re-sent',
          reason: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      this.buffer = this.buffer.slice(batch.length);
    }
  }
}

function byTopic(batch: Pending[]): { topic: string; messages: EventMessage[] }[] {
  const topics = new Map<string, EventMessage[]>();
  for (const { topic, message } of batch) {
    const messages = topics.get(topic) ?? [];
    messages.push(message);
    topics.set(topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
