export { deadLetterHeaders, deadLetterTopic } from './dead-letter';
export {
  type AnyEventContract,
  defineEvent,
  EventContract,
  type EventKey,
  type EventMessage,
  type EventOf,
  type EventValue,
  type TopicSettings,
} from './event-contract';
export { type EventEnvelope, type EventMetadata, eventMetadataSchema } from './event-envelope';
export { InvalidEventError } from './invalid-event.error';
export { currencyCode, hashesPerSecond, isoTimestamp, minorUnits } from './primitives';
export { retention } from './retention';
export { rentalActivatedV1 } from './rentals/rental-activated/rental-activated.event';
export { topicCatalog } from './topic-catalog';
