import { capacityCheckCompletedV1 } from './capacity/check-completed/capacity-check-completed.event';
import { capacityCheckRequestedV1 } from './capacity/check-requested/capacity-check-requested.event';
import { deadLetterTopic } from './dead-letter';
import type { TopicSettings } from './event-contract';
import { contractFlagClearedV1 } from './deliveries/contract-flag-cleared/contract-flag-cleared.event';
import { contractFlaggedV1 } from './deliveries/contract-flagged/contract-flagged.event';
import { deliveryMeasurementCompletedV1 } from './deliveries/measurement-completed/measurement-completed.event';
import { deliveryWindowClosedV1 } from './deliveries/window-closed/window-closed.event';
import { paymentCanceledV1 } from './payments/payment-canceled/payment-canceled.event';
import { paymentFailedV1 } from './payments/payment-failed/payment-failed.event';
import { paymentSucceededV1 } from './payments/payment-succeeded/payment-succeeded.event';
import { settlementFinalizedV1 } from './payouts/settlement-finalized/settlement-finalized.event';
import { rentalActivatedV1 } from './rentals/rental-activated/rental-activated.event';
import { rentalStatusChangedV1 } from './rentals/status-changed/rental-status-changed.event';
import { shareJudgedV1 } from './shares/share-judged/share-judged.event';
import { connectionChangedV1 } from './stratum/connection-changed/connection-changed.event';

/** Every topic the system uses; provisioning creates exactly these. */
export const topicCatalog: readonly TopicSettings[] = [
  rentalActivatedV1,
  shareJudgedV1,
  connectionChangedV1,
  deliveryWindowClosedV1,
  deliveryMeasurementCompletedV1,
  contractFlaggedV1,
  contractFlagClearedV1,
  capacityCheckRequestedV1,
  capacityCheckCompletedV1,
  rentalStatusChangedV1,
  paymentSucceededV1,
  paymentFailedV1,
  paymentCanceledV1,
  settlementFinalizedV1,
  deadLetterTopic,
];
