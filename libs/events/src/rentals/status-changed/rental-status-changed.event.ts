import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { isoTimestamp } from '../../primitives';
import { byRentalId, rentalKey } from '../../rental-key';
import { retention } from '../../retention';

export const rentalLifecycleStatuses = [
  'pending_payment',
  'active',
  'completed',
  'cancelled',
  'disputed',
  'terminated',
  'settled',
] as const;

const rentalLifecycleStatus = z.enum(rentalLifecycleStatuses);

/**
 * A rental moved in its lifecycle, who moved it and why: one event per transition, in the same transaction as
 * the change. Actors are usually `<kind>:<id>`, e.g. `renter:<account id>`, `stripe:<event id>`,
 * `system:payment-hold-expired`. `from` is null when the rental was opened.
 */
export const rentalStatusChangedV1 = defineEvent({
  topic: 'rentals.status-changed.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    rentalId: z.uuid(),
    from: rentalLifecycleStatus.nullable(),
    to: rentalLifecycleStatus,
    actor: z.string().min(1).max(300),
    reason: z.string().max(1000).nullable(),
    at: isoTimestamp,
  }),
});
