import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { hashesPerSecond, isoTimestamp } from '../../primitives';
import { retention } from '../../retention';

const verdict = z.enum(['ok', 'under-delivery', 'insufficient-data']);

const measurement = z.object({
  /** Seconds the provider is answerable for: the window less the time the renter's pool was down. */
  measuredSeconds: z.number().nonnegative(),
  acceptedShares: z.number().int().nonnegative(),
  deliveredWork: z.number().nonnegative(),
  estimatedHashrate: z.number().nonnegative(),
  lower: z.number().nonnegative(),
  upper: z.number().nonnegative(),
  pValue: z.number().min(0).max(1).nullable(),
  verdict,
});

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
    window: measurement,
    rejectedByReason: z.record(z.string(), z.number().int().positive()),
    poolDisagreements: z.number().int().nonnegative(),
    blockCandidates: z.number().int().nonnegative(),
    poolDownSeconds: z.number().nonnegative(),
    /** Seconds at least one of the provider's rigs was connected: silence is the provider's side. */
    rigConnectedSeconds: z.number().nonnegative(),
    contractToDate: measurement,
  }),
});
