import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { hashesPerSecond, isoTimestamp } from '../../primitives';
import { retention } from '../../retention';
import { byProviderId, providerKey } from '../provider-key';

/**
 * A capacity check ended. `verifiedHashrate` is what the provider may sell from now on: the lower bound
 * of the run's confidence interval, capped at the claim, and 0 unless the run passed.
 */
export const capacityCheckCompletedV1 = defineEvent({
  topic: 'capacity.check-completed.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: providerKey,
  partitionKey: byProviderId,
  value: z.object({
    checkId: z.uuid(),
    providerId: z.uuid(),
    claimedHashrate: hashesPerSecond,
    verifiedHashrate: hashesPerSecond,
    passed: z.boolean(),
    completedAt: isoTimestamp,
    judgement: z.object({
      measuredSeconds: z.number().nonnegative(),
      acceptedShares: z.number().int().nonnegative(),
      estimatedHashrate: z.number().nonnegative(),
      lower: z.number().nonnegative(),
      upper: z.number().nonnegative(),
      pValue: z.number().min(0).max(1).nullable(),
      verdict: z.enum(['ok', 'under-delivery', 'insufficient-data']),
    }),
  }),
});
