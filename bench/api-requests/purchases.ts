import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type RequestSpec } from './load-protocol';
import { type SeededListing } from './marketplace-seed';
import { type Renter } from './requests';

const TH = 1_000_000_000_000n;
const DAY = 86_400;
/** Each purchase: 1 TH/s, so a run's ~1,500 of them fit in the listings' and providers' spare capacity. */
const PURCHASED_HASHRATE = TH;

/** Whether the built gateway has the purchase route at all (`POST /v1/rentals`, apps/gateway/src/rentals). */
export const purchaseRouteBuilt = (root: string) =>
  existsSync(path.join(root, 'dist/apps/gateway/src/rentals/rentals.controller.js'));

/** A listing with room for many purchases: a tenth of it still for sale, at least 10 TH/s. */
const hasRoom = (listing: SeededListing) =>
  listing.hashrate - listing.held >= 10n * TH && listing.hashrate - listing.held >= listing.hashrate / 10n;

function purchaseBody(listing: SeededListing, poolUrl: string): string {
  return JSON.stringify({
    listingId: listing.id,
    hashrate: PURCHASED_HASHRATE.toString(),
    // A day, or the listing's shortest rental if that is longer (its longest is a week or more).
    durationSeconds: Math.max(DAY, listing.minDurationSeconds),
    pool: { url: poolUrl, worker: 'renter.rig1', password: 'x' },
  });
}

/** Purchases spread over the listings with room and over the renters; each request gets its own Idempotency-Key. */
export function purchaseRequests(
  listings: readonly SeededListing[],
  renters: readonly Renter[],
  poolUrl: string,
): RequestSpec[] {
  const roomy = listings.filter(hasRoom);
  return Array.from({ length: Math.max(roomy.length, renters.length) }, (_, index): RequestSpec => {
    const renter = renters[index % renters.length] as Renter;
    return {
      method: 'POST',
      path: '/v1/rentals',
      headers: { authorization: `Bearer ${renter.accessToken}`, 'content-type': 'application/json' },
      body: purchaseBody(roomy[index % roomy.length] as SeededListing, poolUrl),
    };
  });
}

/**
 * One purchase before measuring any: whether the path works end to end here (pool check, rental, PaymentIntent).
 * Resolves with why not, or null when it does.
 */
export async function purchaseProblem(
  gatewayUrl: string,
  renter: Renter,
  listings: readonly SeededListing[],
  poolUrl: string,
): Promise<string | null> {
  const listing = listings.find(hasRoom);
  if (!listing) return 'no seeded listing has room for purchases';
  const response = await fetch(`${gatewayUrl}/v1/rentals`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${renter.accessToken}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: purchaseBody(listing, poolUrl),
  });
  const text = await response.text();
  if (response.status === 201) return null;
  if (response.status === 404 && !text.includes('urn:hashproof:problem:listing')) {
    return 'the gateway has no `POST /v1/rentals` route yet';
  }
  return `a probe purchase answered ${response.status}: ${text.slice(0, 300)}`;
}
