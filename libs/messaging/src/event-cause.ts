import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@hashproof/events';

/** What caused a new event: the request (correlation id) and, when reacting to an event, that event. */
export interface EventCause {
  readonly correlationId: string;
  readonly causationId: string | null;
}

export function causedBy(event: Pick<EventMetadata, 'eventId' | 'correlationId'>): EventCause {
  return { correlationId: event.correlationId, causationId: event.eventId };
}

export function originatingFrom(correlationId: string = randomUUID()): EventCause {
  return { correlationId, causationId: null };
}
