import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';

interface PendingMessage {
  id: string;
  topic: string;
  message_key: string;
  payload: string;
}

export interface OutboxRelayOptions {
  readonly pollIntervalMs: number;
  readonly batchSize?: number;
}

/**
 * Publishes recorded events in the order they were written. One relay per schema holds a transaction-level
 * advisory lock while it works, so replicas never publish the same key's events out of order; rows are
 * marked published only after the broker acknowledged them (at least once; consumers dedupe on eventId).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private stopped = true;
  private lastFailure: string | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly lockName: string,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Waits for the batch in flight so that nothing is published without being marked. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  /** Publishes everything pending now; returns how many events went out. */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.dataSource.transaction((transaction) => this.publishBatch(transaction));
      total += published;
      if (published < (this.options.batchSize ?? 200)) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.tick().finally(() => this.schedule(this.options.pollIntervalMs));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      await this.publishPending();
      if (this.lastFailure) this.logger.log('outbox relay recovered');
      this.lastFailure = undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (reason !== this.lastFailure) this.logger.warn({ msg: 'outbox relay will retry', reason });
      this.lastFailure = reason;
    }
  }

  private async publishBatch(transaction: EntityManager): Promise<number> {
    const [{ locked }] = await transaction.query<[{ locked: boolean }]>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
      [this.lockName],
    );
    if (!locked) return 0;
    const pending = await transaction.query<PendingMessage[]>(
      'SELECT "id", "topic", "message_key", "payload" FROM "outbox_messages" WHERE "published_at" IS NULL ORDER BY "id" LIMIT $1',
      [this.options.batchSize ?? 200],
    );
    if (pending.length === 0) return 0;
    await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(pending) });
    await transaction.query('UPDATE "outbox_messages" SET "published_at" = now() WHERE "id" = ANY($1::bigint[])', [
      pending.map((message) => message.id),
    ]);
    return pending.length;
  }
}

function groupByTopic(pending: PendingMessage[]): { topic: string; messages: { key: string; value: string }[] }[] {
  const byTopic = new Map<string, { key: string; value: string }[]>();
  for (const message of pending) {
    const messages = byTopic.get(message.topic) ?? [];
    messages.push({ key: message.message_key, value: message.payload });
    byTopic.set(message.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
