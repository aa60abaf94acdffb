import { deadLetterTopic } from './dead-letter';
import type { TopicSettings } from './event-contract';
import { rentalActivatedV1 } from './rentals/rental-activated/rental-activated.event';

/** Every topic the system uses; provisioning creates exactly these. */
export const topicCatalog: readonly TopicSettings[] = [rentalActivatedV1, deadLetterTopic];
