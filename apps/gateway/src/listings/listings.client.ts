import type { InternalApiClient, InternalRequest } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { actingPrincipalOf } from '../internal-services/acting-principal-of';
import { CONTRACTS_API } from '../internal-services/internal-services.tokens';
import { requestOrRelay } from '../internal-services/relay-problem';
import {
  type BrowseListingsQueryDto,
  browsedListingPageSchema,
  type CreateListingDto,
  listingPageSchema,
  listingViewSchema,
  type ProviderListingsQueryDto,
  type UpdateListingDto,
} from './listing.dto';
import { LiveListingPages } from './live-listing-pages';
import { contractsProviderRentalPageSchema, type ProviderRentalsQueryDto } from './provider-rental.dto';
import { ShortLivedCache } from './short-lived-cache';

export type ListingAction = 'publish' | 'pause' | 'resume' | 'retire';

type BrowsedListingPage = z.output<typeof browsedListingPageSchema>;
type ListingView = z.output<typeof listingViewSchema>;

/**
 * How long a search's answer is reused. A page of live listings is the same for every caller, and renters
 * searching the same terms within a second see one answer instead of a query each. Staleness is harmless: a
 * listing's availability or its provider's track record shown up to a second late is no worse than a page the
 * renter loaded a second earlier, a live listing's terms cannot change (it is paused to be edited), and a purchase
 * re-checks status, terms and what is left under the provider's and the listing's locks, so nothing is sold on
 * the strength of a cached page.
 */
export const SEARCH_ANSWER_TTL_MS = 1_000;
/** Distinct searches kept at once: a bound on memory (a page holds at most 100 listings). */
const SEARCHES_KEPT = 256;

/** The same search however its parameters were written or ordered. */
function searchKey(query: BrowseListingsQueryDto): string {
  const given = Object.entries(query).filter(([, value]) => value !== undefined);
  return JSON.stringify(given.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Listings are contracts': each call acts for the gateway's caller, whose rights contracts decides, and its
 * problems reach the caller unchanged. Answers are checked against the public schemas before they are passed on.
 */
@Injectable()
export class ListingsClient {
  private readonly searches = new ShortLivedCache<BrowsedListingPage>(SEARCH_ANSWER_TTL_MS, SEARCHES_KEPT);

  constructor(
    @Inject(CONTRACTS_API) private readonly contracts: InternalApiClient,
    private readonly livePages: LiveListingPages<ListingView>,
  ) {}

  create(caller: Principal, body: CreateListingDto) {
    return this.call(caller, listingViewSchema, { method: 'POST', path: '/internal/v1/listings', body });
  }

  /** Answers for any signed-in caller alike, so the first caller's request serves the others for a while. */
  browse(caller: Principal, query: BrowseListingsQueryDto): Promise<BrowsedListingPage> {
    return this.searches.get(searchKey(query), () =>
      this.call(caller, browsedListingPageSchema, { method: 'GET', path: '/internal/v1/listings', query }),
    );
  }

  /** A live listing's page is the same for any signed-in caller, so it is reused for a while (LiveListingPages). */
  find(caller: Principal, listingId: string): Promise<ListingView> {
    return this.livePages.load(listingId, () =>
      this.call(caller, listingViewSchema, { method: 'GET', path: `/internal/v1/listings/${listingId}` }),
    );
  }

  update(caller: Principal, listingId: string, body: UpdateListingDto) {
    const change = this.call(caller, listingViewSchema, {
      method: 'PATCH',
      path: `/internal/v1/listings/${listingId}`,
      body,
    });
    return this.livePages.changing(change, listingId);
  }

  act(caller: Principal, listingId: string, action: ListingAction) {
    const change = this.call(caller, listingViewSchema, {
      method: 'POST',
      path: `/internal/v1/listings/${listingId}/${action}`,
    });
    return this.livePages.changing(change, listingId);
  }

  listOwn(caller: Principal, query: ProviderListingsQueryDto) {
    return this.call(caller, listingPageSchema, { method: 'GET', path: '/internal/v1/provider/listings', query });
  }

  listOwnRentals(caller: Principal, query: ProviderRentalsQueryDto) {
    return this.call(caller, contractsProviderRentalPageSchema, {
      method: 'GET',
      path: '/internal/v1/provider/rentals',
      query,
    });
  }

  private async call<S extends z.ZodType>(
    caller: Principal,
    schema: S,
    request: Omit<InternalRequest, 'principal'>,
  ): Promise<z.output<S>> {
    const answer = await requestOrRelay(this.contracts, { ...request, principal: actingPrincipalOf(caller) });
    return schema.parse(answer.body);
  }
}
