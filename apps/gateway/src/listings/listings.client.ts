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
import { contractsProviderRentalPageSchema, type ProviderRentalsQueryDto } from './provider-rental.dto';

export type ListingAction = 'publish' | 'pause' | 'resume' | 'retire';

/**
 * Listings are contracts': each call acts for the gateway's caller, whose rights contracts decides, and its
 * problems reach the caller unchanged. Answers are checked against the public schemas before they are passed on.
 */
@Injectable()
export class ListingsClient {
  constructor(@Inject(CONTRACTS_API) private readonly contracts: InternalApiClient) {}

  create(caller: Principal, body: CreateListingDto) {
    return this.call(caller, listingViewSchema, { method: 'POST', path: '/internal/v1/listings', body });
  }

  browse(caller: Principal, query: BrowseListingsQueryDto) {
    return this.call(caller, browsedListingPageSchema, { method: 'GET', path: '/internal/v1/listings', query });
  }

  find(caller: Principal, listingId: string) {
    return this.call(caller, listingViewSchema, { method: 'GET', path: `/internal/v1/listings/${listingId}` });
  }

  update(caller: Principal, listingId: string, body: UpdateListingDto) {
    return this.call(caller, listingViewSchema, { method: 'PATCH', path: `/internal/v1/listings/${listingId}`, body });
  }

  act(caller: Principal, listingId: string, action: ListingAction) {
    return this.call(caller, listingViewSchema, {
      method: 'POST',
      path: `/internal/v1/listings/${listingId}/${action}`,
    });
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
