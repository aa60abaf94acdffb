import type { KafkaContext } from '@nestjs/microservices';
import type { UndeliverableMessage } from './dead-letter-publisher';

/** The raw message behind a Nest Kafka context (the transport runs with keepBinary, so values are bytes). */
export function kafkaMessageOf(context: KafkaContext): UndeliverableMessage {
  const message = context.getMessage();
  return {
    topic: context.getTopic(),
    partition: context.getPartition(),
    offset: message.offset,
    key: message.key,
    value: message.value,
  };
}
