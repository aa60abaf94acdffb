import { encodeActingPrincipal, INTERNAL_PRINCIPAL_HEADER } from '@hashproof/runtime';
import { type RequestSpec } from './load-protocol';
import { type SeededListing } from './marketplace-seed';

const TH = 1_000_000_000_000n;
const DAY = 86_400;

export interface Renter {
  readonly id: string;
  readonly accessToken: string;
}

type Query = Readonly<Record<string, string | number>>;

/**
 * What renters look for: by currency and rental length, within a budget, with enough hash rate left, from
 * providers with a track record; a second page; one provider's listings; the first page unfiltered.
 */
export function browseQueries(listings: readonly SeededListing[], secondPageCursor: string): Query[] {
  const providerListings = new Map<string, number>();
  for (const listing of listings) {
    providerListings.set(listing.providerId, (providerListings.get(listing.providerId) ?? 0) + 1);
  }
  const [busiestProvider] = [...providerListings].sort(([, a], [, b]) => b - a)[0] ?? [''];
  return [
    { currency: 'USD', durationSeconds: 7 * DAY },
    { currency: 'USD', minAvailableHashrate: (50n * TH).toString(), maxPricePerThDayMinor: 1_500 },
    { durationSeconds: DAY, minCompletedRentals: 10, maxTerminatedRentals: 2 },
    { currency: 'EUR', limit: 50 },
    { currency: 'USD', maxPricePerThDayMinor: 2_000, durationSeconds: 30 * DAY, limit: 50 },
    {},
    { currency: 'USD', cursor: secondPageCursor },
    { providerId: busiestProvider },
  ];
}

export const withQuery = (path: string, query: Query) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) params.append(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every path, each time with the next renter's token: `count` requests, round robin over both. */
function rotate(paths: readonly string[], renters: readonly Renter[], headers: (renter: Renter) => object) {
  const count = Math.max(paths.length, renters.length) * 4;
  return Array.from({ length: count }, (_, index): RequestSpec => {
    const renter = renters[index % renters.length] as Renter;
    return { method: 'GET', path: paths[index % paths.length] as string, headers: { ...headers(renter) } };
  });
}

export function browseRequests(queries: readonly Query[], renters: readonly Renter[]): RequestSpec[] {
  return rotate(
    queries.map((query) => withQuery('/v1/listings', query)),
    renters,
    (renter) => bearer(renter.accessToken),
  );
}

/**
 * `count` searches no two alike (budget and rental length vary; some in EUR), each once with the next renter's
 * token: none can be answered from a search made before it, as when renters look for many different things.
 */
export function distinctBrowseRequests(count: number, renters: readonly Renter[]): RequestSpec[] {
  return Array.from({ length: count }, (_, index): RequestSpec => {
    const query = {
      currency: index % 5 === 0 ? 'EUR' : 'USD',
      maxPricePerThDayMinor: 700 + (index % 1_800),
      durationSeconds: (1 + Math.floor(index / 1_800)) * 3_600,
    };
    const renter = renters[index % renters.length] as Renter;
    return { method: 'GET', path: withQuery('/v1/listings', query), headers: bearer(renter.accessToken) };
  });
}

export function findRequests(listings: readonly SeededListing[], renters: readonly Renter[]): RequestSpec[] {
  return rotate(
    listings.map((listing) => `/v1/listings/${listing.id}`),
    renters,
    (renter) => bearer(renter.accessToken),
  );
}

/** The same browse as contracts gets it from the gateway: internal token, the renter as acting principal. */
export function internalBrowseRequests(
  queries: readonly Query[],
  renters: readonly Renter[],
  internalToken: string,
): RequestSpec[] {
  return rotate(
    queries.map((query) => withQuery('/internal/v1/listings', query)),
    renters,
    (renter) => ({
      ...bearer(internalToken),
      [INTERNAL_PRINCIPAL_HEADER]: encodeActingPrincipal({ id: renter.id, role: 'renter' }),
    }),
  );
}

export const bareRequests: RequestSpec[] = [{ method: 'GET', path: '/health/live', headers: {} }];
