import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { isoTimestamp } from '../../primitives';
import { retention } from '../../retention';

/** Pool-side changes are the renter's side of the line; rig-side ones are the provider's. */
export const connectionChangeKinds = [
  'rig-connected',
  'rig-disconnected',
  'pool-connected',
  'pool-unreachable',
  'pool-refused-worker',
  'pool-disconnected',
] as const;

export type ConnectionChangeKind = (typeof connectionChangeKinds)[number];

/** A rig or upstream-pool connection of a rental changed: the evidence for attributing lost time. */
export const connectionChangedV1 = defineEvent({
  topic: 'stratum.connection-changed.v1',
  partitions: 12,
  retentionMs: retention.evidence,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    connectionId: z.string().min(1).max(100),
    at: isoTimestamp,
    kind: z.enum(connectionChangeKinds),
    detail: z.string().max(500).nullable(),
  }),
});
