import { z } from 'zod';

/**
 * Metadata every event carries. correlationId ties together everything one request or job caused;
 * causationId is the eventId of the event whose handling produced this one (null at the origin).
 */
export const eventMetadataSchema = z.object({
  eventId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(200),
  causationId: z.uuid().nullable(),
  producer: z.string().min(1).max(100),
});

export type EventMetadata = z.output<typeof eventMetadataSchema>;

export interface EventEnvelope<Key, Value> extends EventMetadata {
  readonly topic: string;
  readonly key: Key;
  readonly value: Value;
}
