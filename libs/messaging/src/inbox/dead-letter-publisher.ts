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

/** Sends a message that can never be processed to the dead-letter topic, with why and where it came from. */
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(
    private readonly producer: Producer,
    private readonly consumerGroup: string,
  ) {}

  async publish(message: UndeliverableMessage, reason: string): Promise<void> {
    await this.producer.send({
      topic: deadLetterTopic.topic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            [deadLetterHeaders.reason]: reason,
            [deadLetterHeaders.sourceTopic]: message.topic,
            [deadLetterHeaders.sourcePartition]: String(message.partition),
            [deadLetterHeaders.sourceOffset]: message.offset,
            [deadLetterHeaders.consumerGroup]: this.consumerGroup,
          },
        },
      ],
    });
    this.logger.warn({ msg: 'message dead-lettered', reason, topic: message.topic, offset: message.offset });
  }
}
