import { deadLetterHeaders, deadLetterTopic } from '@hashproof/events';
import { Logger } from '@nestjs/common';
import type { Message, Producer } from 'kafkajs';

/**
 * Bytes of letters per produce request. The broker refuses a record batch over the topic's `max.message.bytes`
 * (1 MiB by default) as a whole, and retrying cannot help, so a batch consumer that sent a whole chunk of letters
 * at once would fail on the same chunk for ever.
 */
const maxRequestBytes = 512 * 1024;

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

  /** All sent before it returns: a batch consumer sends a batch's letters before it records the batch as consumed. */
  async publishAll(letters: readonly DeadLetter[]): Promise<void> {
    for (const messages of requestsOf(letters.map((letter) => this.toMessage(letter)))) {
      await this.producer.send({ topic: deadLetterTopic.topic, acks: -1, messages });
    }
    for (const { message, reason } of letters) {
      this.logger.warn({ msg: 'message dead-lettered', reason, topic: message.topic, offset: message.offset });
    }
  }

  private toMessage({ message, reason }: DeadLetter): Message {
    return {
      key: message.key,
      value: message.value,
      headers: {
        [deadLetterHeaders.reason]: reason,
        [deadLetterHeaders.sourceTopic]: message.topic,
        [deadLetterHeaders.sourcePartition]: String(message.partition),
        [deadLetterHeaders.sourceOffset]: message.offset,
        [deadLetterHeaders.consumerGroup]: this.consumerGroup,
      },
    };
  }
}

/** The messages in order, in requests of at most maxRequestBytes each (one larger message goes alone). */
export function requestsOf(messages: readonly Message[]): Message[][] {
  const requests: Message[][] = [];
  let current: Message[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const bytes = sizeOf(message);
    if (current.length > 0 && currentBytes + bytes > maxRequestBytes) {
      requests.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

function sizeOf(message: Message): number {
  const headers = Object.entries(message.headers ?? {}).reduce(
    (sum, [name, value]) => sum + name.length + Buffer.byteLength(String(value ?? '')),
    0,
  );
  return byteLength(message.key) + byteLength(message.value) + headers;
}

function byteLength(part: Buffer | string | null | undefined): number {
  if (part === null || part === undefined) return 0;
  return typeof part === 'string' ? Buffer.byteLength(part) : part.length;
}
