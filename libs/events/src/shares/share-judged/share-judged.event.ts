import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { isoTimestamp } from '../../primitives';
import { retention } from '../../retention';

export const shareRejectReasons = [
  'low-difficulty',
  'duplicate',
  'unknown-job',
  'stale',
  'ntime-out-of-range',
  'bad-version-bits',
  'unauthorized',
  'malformed',
] as const;

/**
 * One share a rig submitted for a rental, as judged independently by proof of work, and what the
 * renter's pool said when it was forwarded. Compact on purpose: one per share, keyed by rental.
 */
export const shareJudgedV1 = defineEvent({
  topic: 'shares.judged.v1',
  partitions: 12,
  retentionMs: retention.evidence,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    connectionId: z.string().min(1).max(100),
    judgedAt: isoTimestamp,
    valid: z.boolean(),
    reason: z.enum(shareRejectReasons).nullable(),
    /** The difficulty the share was mined at: the unit of delivered work (null when no job matched). */
    assignedDifficulty: z.number().positive().finite().nullable(),
    achievedDifficulty: z.number().nonnegative().finite().nullable(),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    forwarded: z.boolean(),
    poolVerdict: z.enum(['accepted', 'rejected', 'no-reply']).nullable(),
    blockCandidate: z.boolean(),
  }),
});
