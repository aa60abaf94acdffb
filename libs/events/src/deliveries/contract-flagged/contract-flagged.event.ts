import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { isoTimestamp } from '../../primitives';
import { retention } from '../../retention';

export const contractFlagCauses = [
  'under-delivery-review',
  'under-delivery-enforcement',
  'high-invalid-ratio',
  'duplicate-shares',
  'foreign-jobs',
  'provider-silent',
] as const;

/** A rental's delivery looked wrong for a cause: raised once while the cause holds, with its evidence. */
export const contractFlaggedV1 = defineEvent({
  topic: 'delivery.contract-flagged.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    rentalId: z.uuid(),
    cause: z.enum(contractFlagCauses),
    windowIndex: z.number().int().nonnegative(),
    raisedAt: isoTimestamp,
    /** The closed window's judgement and tallies that raised it. */
    evidence: z.record(z.string(), z.unknown()),
  }),
});
