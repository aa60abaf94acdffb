import { capacityCheckCompletedV1 } from './capacity/check-completed/capacity-check-completed.event';
import { capacityCheckRequestedV1 } from './capacity/check-requested/capacity-check-requested.event';
import { deadLetterTopic } from './dead-letter';
import type { TopicSettings } from './event-contract';
import { contractFlagClearedV1 } from './deliveries/contract-flag-cleared/contract-flag-cleared.event';
import { contractFlaggedV1 } from './deliveries/contract-flagged/contract-flagged.event';
import { deliveryWindowClosedV1 } from './deliveries/window-closed/window-closed.event';
import { rentalActivatedV1 } from './rentals/rental-activated/rental-activated.event';
import { shareJudgedV1 } from './shares/share-judged/share-judged.event';
import { connectionChangedV1 } from './stratum/connection-changed/connection-changed.event';

/** Every topic the system uses; provisioning creates exactly these. */
export const topicCatalog: readonly TopicSettings[] = [
  rentalActivatedV1,
  shareJudgedV1,
  connectionChangedV1,
  deliveryWindowClosedV1,
  contractFlaggedV1,
  contractFlagClearedV1,
  capacityCheckRequestedV1,
  capacityCheckCompletedV1,
  deadLetterTopic,
];
