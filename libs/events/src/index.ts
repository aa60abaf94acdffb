export { capacityCheckCompletedV1 } from './capacity/check-completed/capacity-check-completed.event';
export { capacityCheckRequestedV1 } from './capacity/check-requested/capacity-check-requested.event';
export { byProviderId, providerKey } from './capacity/provider-key';
export { deadLetterHeaders, deadLetterTopic } from './dead-letter';
export { contractFlagClearedV1 } from './deliveries/contract-flag-cleared/contract-flag-cleared.event';
export { contractFlagCauses, contractFlaggedV1 } from './deliveries/contract-flagged/contract-flagged.event';
export { deliveryMeasurementCompletedV1 } from './deliveries/measurement-completed/measurement-completed.event';
export { deliveryWindowClosedV1 } from './deliveries/window-closed/window-closed.event';
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
export {
  currencyCode,
  hashesPerSecond,
  isoTimestamp,
  minorUnits,
  stratumCredential,
  stratumPoolUrl,
} from './primitives';
export { paymentCanceledV1 } from './payments/payment-canceled/payment-canceled.event';
export { paymentFailedV1 } from './payments/payment-failed/payment-failed.event';
export { paymentSucceededV1 } from './payments/payment-succeeded/payment-succeeded.event';
export { settlementFinalizedV1 } from './payouts/settlement-finalized/settlement-finalized.event';
export { retention } from './retention';
export { rentalActivatedV1 } from './rentals/rental-activated/rental-activated.event';
export { rentalLifecycleStatuses, rentalStatusChangedV1 } from './rentals/status-changed/rental-status-changed.event';
export { topicCatalog } from './topic-catalog';
export { shareJudgedV1, shareRejectReasons } from './shares/share-judged/share-judged.event';
export {
  type ConnectionChangeKind,
  connectionChangedV1,
  connectionChangeKinds,
} from './stratum/connection-changed/connection-changed.event';
