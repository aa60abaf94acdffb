/** Injection tokens of the messaging module. */
export const EVENT_PRODUCER = Symbol('EVENT_PRODUCER');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** A TransactionalConsumer that dedupes on eventId (processed_events): for lifecycle events. */
export const IDEMPOTENT_CONSUMER = Symbol('IDEMPOTENT_CONSUMER');
