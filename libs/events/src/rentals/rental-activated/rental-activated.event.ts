import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import {
  currencyCode,
  hashesPerSecond,
  isoTimestamp,
  minorUnits,
  stratumCredential,
  stratumPoolUrl,
} from '../../primitives';
import { retention } from '../../retention';

/**
 * A paid rental started: the verifier begins measuring the provider's delivery against it, and accepts the
 * rental's stratum credential as a worker name, relaying those rigs to the renter's pool. Pool passwords in
 * Stratum V1 are options rather than secrets (most pools ignore them), so they travel with the event.
 */
export const rentalActivatedV1 = defineEvent({
  topic: 'rentals.activated.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    rentalId: z.uuid(),
    listingId: z.uuid(),
    providerId: z.uuid(),
    renterId: z.uuid(),
    algorithm: z.literal('sha256d'),
    hashrate: hashesPerSecond,
    startsAt: isoTimestamp,
    endsAt: isoTimestamp,
    price: z.object({ amountMinor: minorUnits.nonnegative(), currency: currencyCode }),
    stratum: z.object({
      credential: stratumCredential,
      pool: z.object({ url: stratumPoolUrl, worker: z.string().min(1).max(256), password: z.string().max(256) }),
    }),
  }),
});
