import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { hashesPerSecond, isoTimestamp, stratumCredential, stratumPoolUrl } from '../../primitives';
import { retention } from '../../retention';
import { byProviderId, providerKey } from '../provider-key';

/**
 * A provider asked to prove a hash rate: its rigs mine under `credential` through the verifier's endpoint
 * to a pool of the provider's choosing for `durationSeconds`, and are judged against `claimedHashrate`.
 */
export const capacityCheckRequestedV1 = defineEvent({
  topic: 'capacity.check-requested.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: providerKey,
  partitionKey: byProviderId,
  value: z.object({
    checkId: z.uuid(),
    providerId: z.uuid(),
    claimedHashrate: hashesPerSecond,
    startsAt: isoTimestamp,
    endsAt: isoTimestamp,
    stratum: z.object({
      credential: stratumCredential,
      pool: z.object({ url: stratumPoolUrl, worker: z.string().min(1).max(256), password: z.string().max(256) }),
    }),
  }),
});
