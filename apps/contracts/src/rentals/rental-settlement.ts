import type { EventValue, settlementFinalizedV1 } from '@hashproof/events';
import { canTransition } from './rental-lifecycle';
import type { RentalStatus } from './rental-status';

type FinalSettlement = EventValue<typeof settlementFinalizedV1>;

interface SettleableRental {
  readonly status: RentalStatus;
  readonly priceMinor: string;
  readonly currency: string;
}

/** Why payouts' settlement cannot settle this rental, or null when it can: it has ended, and the money matches. */
export function settlementRefusal(rental: SettleableRental, settlement: FinalSettlement): string | null {
  if (!canTransition(rental.status, 'settled')) return `it is ${rental.status}, not ended`;
  if (settlement.currency !== rental.currency || BigInt(settlement.paidMinor) !== BigInt(rental.priceMinor)) {
    return `payouts settled ${settlement.paidMinor} ${settlement.currency}, but it cost ${rental.priceMinor} ${rental.currency}`;
  }
  return null;
}

/** The audit trail's account of the settlement. */
export function settlementReason(settlement: FinalSettlement): string {
  return (
    `payouts final: the provider earns ${settlement.providerEarningsMinor} and the renter is refunded ` +
    `${settlement.renterRefundMinor} (minor units of ${settlement.currency}), ` +
    `for ${settlement.creditedSeconds} s of verified delivery credited`
  );
}
