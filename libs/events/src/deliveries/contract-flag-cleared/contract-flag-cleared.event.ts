import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { isoTimestamp } from '../../primitives';
import { retention } from '../../retention';
import { contractFlagCauses } from '../contract-flagged/contract-flagged.event';

/** The cause of an earlier flag no longer holds. */
export const contractFlagClearedV1 = defineEvent({
  topic: 'delivery.contract-flag-cleared.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: z.object({ rentalId: z.uuid() }),
  partitionKey: (key) => key.rentalId,
  value: z.object({
    rentalId: z.uuid(),
    cause: z.enum(contractFlagCauses),
    windowIndex: z.number().int().nonnegative(),
    clearedAt: isoTimestamp,
  }),
});
