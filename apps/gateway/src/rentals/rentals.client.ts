import type { InternalApiClient, InternalRequest } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { actingPrincipalOf } from '../internal-services/acting-principal-of';
import { CONTRACTS_API } from '../internal-services/internal-services.tokens';
import { requestOrRelay } from '../internal-services/relay-problem';
import { type ListingPage, LiveListingPages } from '../listings/live-listing-pages';
import {
  contractsPurchaseSchema,
  contractsRentalPageSchema,
  contractsRentalSchema,
  type RentalsQueryDto,
  type RentDto,
} from './rental.dto';

/**
 * Rentals are contracts': each call acts for the gateway's caller, whose rights contracts decides, and its
 * problems reach the caller unchanged. Answers are checked before they are passed on.
 */
@Injectable()
export class RentalsClient {
  constructor(
    @Inject(CONTRACTS_API) private readonly contracts: InternalApiClient,
    private readonly livePages: LiveListingPages<ListingPage>,
  ) {}

  /** A purchase and a cancellation change what the listing has left: its kept page goes (LiveListingPages). */
  rent(caller: Principal, body: RentDto, idempotencyKey: string | null) {
    const purchase = this.call(caller, contractsPurchaseSchema, {
      method: 'POST',
      path: '/internal/v1/rentals',
      body,
      ...(idempotencyKey === null ? {} : { headers: { 'idempotency-key': idempotencyKey } }),
    });
    return this.livePages.changing(purchase, body.listingId);
  }

  list(caller: Principal, query: RentalsQueryDto) {
    return this.call(caller, contractsRentalPageSchema, { method: 'GET', path: '/internal/v1/rentals', query });
  }

  find(caller: Principal, rentalId: string) {
    return this.call(caller, contractsRentalSchema, { method: 'GET', path: `/internal/v1/rentals/${rentalId}` });
  }

  cancel(caller: Principal, rentalId: string) {
    const cancellation = this.call(caller, contractsRentalSchema, {
      method: 'POST',
      path: `/internal/v1/rentals/${rentalId}/cancel`,
    });
    return this.livePages.changing(cancellation, (rental) => rental.listingId);
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
