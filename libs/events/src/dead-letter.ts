import { retention } from './retention';

/** Poison messages of every topic land here with the reason and their origin in headers. */
export const deadLetterTopic = {
  topic: 'messages.dead-lettered.v1',
  partitions: 6,
  retentionMs: retention.deadLetters,
} as const;

export const deadLetterHeaders = {
  reason: 'x-dead-letter-reason',
  sourceTopic: 'x-dead-letter-source-topic',
  sourcePartition: 'x-dead-letter-source-partition',
  sourceOffset: 'x-dead-letter-source-offset',
  consumerGroup: 'x-dead-letter-consumer-group',
} as const;
