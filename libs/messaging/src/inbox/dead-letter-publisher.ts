import { deadLetterHeaders, deadLetterTopic } from '@hashproof/events';
import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';

export interface UndeliverableMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | string | null;
  readonly value: Buffer | string | null;
}

export interface DeadLetter {
  readonly message: UndeliverableMessage;
  readonly reason: string;
}

/** Sends messages that can never be processed to the dead-letter topic, with why and where they came from. */
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(
    private readonly producer: Producer,
    private readonly consumerGroup: string,
  ) {}

  async publish(message: UndeliverableMessage, reason: string): Promise<void> {
    await this.publishAll([{ message, reason }]);
  }

  /** In one request: a batch consumer sends all of a batch's letters before it records the batch as consumed. */
  async publishAll(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    await this.producer.send({
      topic: deadLetterTopic.topic,
      acks: -1,
      messages: letters.map(({ message, reason }) => ({
        key: message.key,
        value: message.value,
        headers: {
          [deadLetterHeaders.reason]: reason,
          [deadLetterHeaders.sourceTopic]: message.topic,
          [deadLetterHeaders.sourcePartition]: String(message.partition),
          [deadLetterHeaders.sourceOffset]: message.offset,
          [deadLetterHeaders.consumerGroup]: this.consumerGroup,
        },
      })),
    });
    for (const { message, reason } of letters) {
      this.logger.warn({ msg: 'message dead-lettered', reason, topic: message.topic, offset: message.offset });
    }
  }
}
