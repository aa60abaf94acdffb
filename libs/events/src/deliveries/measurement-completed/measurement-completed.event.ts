import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { hashesPerSecond, isoTimestamp } from '../../primitives';
import { byRentalId, rentalKey } from '../../rental-key';
import { retention } from '../../retention';
import { deliveryMeasurement } from '../delivery-measurement';

/**
 * The verifier closed the last delivery window of a rental: nothing more will be measured for it. The period
 * ends at the contract's end, or earlier when the rental was cancelled or terminated while it ran. Totals are
 * over the whole period; work is in difficulty-1 shares (2^32 hashes each), as in every delivery event.
 */
export const deliveryMeasurementCompletedV1 = defineEvent({
  topic: 'delivery.measurement-completed.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    rentalId: z.uuid(),
    startsAt: isoTimestamp,
    endsAt: isoTimestamp,
    contractedHashrate: hashesPerSecond,
    windows: z.number().int().nonnegative(),
    /** Time the renter's pool was unreachable or refused the worker: the renter's side, never the provider's. */
    poolDownSeconds: z.number().nonnegative(),
    rigConnectedSeconds: z.number().nonnegative(),
    /** Over the whole period; measuredSeconds is the period less the renter's pool outages. */
    ...deliveryMeasurement.shape,
  }),
});
