import type { capacityCheckRequestedV1, EventValue } from '@hashproof/events';

/** numeric(30, 0): the largest hash rate the verifier's schema stores. */
const MAX_HASHRATE = 10n ** 30n - 1n;

/**
 * Why a valid check-requested event can never be measured, or null when it can. Such a request would fail
 * the same way on every retry, so it is dead-lettered instead of blocking the provider's partition.
 */
export function admissionRefusal(check: EventValue<typeof capacityCheckRequestedV1>): string | null {
  const claimed = BigInt(check.claimedHashrate);
  if (claimed <= 0n || claimed > MAX_HASHRATE) {
    return `capacity check ${check.checkId} claims ${check.claimedHashrate} H/s: outside 1 … 10^30 − 1`;
  }
  if (Date.parse(check.endsAt) <= Date.parse(check.startsAt)) {
    return `capacity check ${check.checkId} ends at ${check.endsAt}, not after its start ${check.startsAt}`;
  }
  return null;
}
