import { PayoutAccountNotConnectedError, VerifiedCapacityExceededError } from './go-live.errors';

export interface GoLiveRequest {
  /** Whether the provider has a payout account that can receive payouts. */
  readonly payoutAccountConnected: boolean;
  /** H/s the provider's latest completed capacity check verified; null when it has never completed one. */
  readonly verified: bigint | null;
  /** H/s offered by the provider's other live listings. */
  readonly live: bigint;
  /** H/s this listing offers. */
  readonly offered: bigint;
}

/**
 * A listing goes live (published or resumed) only when its provider can be paid and its live listings,
 * this one included, offer no more than the verified hash rate: exact integer arithmetic, so a provider
 * may list up to the last H/s it proved and not one more.
 */
export function assertMayGoLive({ payoutAccountConnected, verified, live, offered }: GoLiveRequest): void {
  if (!payoutAccountConnected) throw new PayoutAccountNotConnectedError();
  if (verified === null || live + offered > verified) throw new VerifiedCapacityExceededError(verified, live, offered);
}
