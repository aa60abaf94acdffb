import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { isoTimestamp } from '../../primitives';
import { retention } from '../../retention';
import { contractFlagCauses } from '../contract-flagged/contract-flagged.event';

/** The cause of an earlier flag no longer holds. */
export const contractFlagClearedV1 = defineEvent({
  topic: 'delivery.contract-flag-cleared.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    rentalId: z.uuid(),
    cause: z.enum(contractFlagCauses),
    windowIndex: z.number().int().nonnegative(),
    clearedAt: isoTimestamp,
  }),
});
