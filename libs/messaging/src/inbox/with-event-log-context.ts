import { PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';

interface EventLogFields {
  readonly eventId: string;
  readonly correlationId: string;
  readonly topic: string;
}

/** Runs a message handler so that every log line it writes carries the event's correlation id. */
export function withEventLogContext<T>(event: EventLogFields, work: () => Promise<T>): Promise<T> {
  const root = PinoLogger.root as PinoLogger['logger'] | undefined;
  if (!root) return work();
  const logger = root.child({ correlationId: event.correlationId, eventId: event.eventId, topic: event.topic });
  return storage.run(new Store(logger), work);
}
