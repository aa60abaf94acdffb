import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { byRentalId, rentalKey } from '../../rental-key';
import { currencyCode, hashesPerSecond, isoTimestamp, minorUnits } from '../../primitives';
import { retention } from '../../retention';

/** A paid rental started: the verifier begins measuring the provider's delivery against it. */
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
  }),
});
