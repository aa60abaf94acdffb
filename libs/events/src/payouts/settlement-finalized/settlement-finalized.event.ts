import { z } from 'zod';
import { defineEvent } from '../../event-contract';
import { currencyCode, isoTimestamp, minorUnits } from '../../primitives';
import { byRentalId, rentalKey } from '../../rental-key';
import { retention } from '../../retention';

/**
 * Payouts fixed what an ended rental's money comes to: the provider's earnings for verified delivery and the
 * renter's refund of the rest. The two always add up to what the renter paid; amounts are integer minor units.
 */
export const settlementFinalizedV1 = defineEvent({
  topic: 'payouts.settlement-finalized.v1',
  partitions: 6,
  retentionMs: retention.lifecycle,
  key: rentalKey,
  partitionKey: byRentalId,
  value: z.object({
    rentalId: z.uuid(),
    providerId: z.uuid(),
    renterId: z.uuid(),
    currency: currencyCode,
    paidMinor: minorUnits.nonnegative(),
    providerEarningsMinor: minorUnits.nonnegative(),
    renterRefundMinor: minorUnits.nonnegative(),
    /** Seconds of the contracted hash rate the provider is paid for: delivered work plus the renter's outages. */
    creditedSeconds: z.number().nonnegative(),
    finalizedAt: isoTimestamp,
  }),
});
