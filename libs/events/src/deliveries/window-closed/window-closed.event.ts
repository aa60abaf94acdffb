import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { hashesPerSecond, isoTimestamp } from '../../primitives';
import { retention } from '../../retention';
import { deliveryMeasurement } from '../delivery-measurement';

/** A delivery window of a rental closed: what was verifiably delivered in it, and contract to date. */
export const deliveryWindowClosedV1 = defineEvent({
  topic: 'delivery.window-closed.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    rentalId: z.uuid(),
    windowIndex: z.number().int().nonnegative(),
    startsAt: isoTimestamp,
    endsAt: isoTimestamp,
    contractedHashrate: hashesPerSecond,
    window: deliveryMeasurement,
    rejectedByReason: z.record(z.string(), z.number().int().positive()),
    poolDisagreements: z.number().int().nonnegative(),
    blockCandidates: z.number().int().nonnegative(),
    poolDownSeconds: z.number().nonnegative(),
    /** Seconds at least one of the provider's rigs was connected: silence is the provider's side. */
    rigConnectedSeconds: z.number().nonnegative(),
    contractToDate: deliveryMeasurement,
  }),
});
