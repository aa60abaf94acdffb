import type { InternalApiClient, InternalRequest } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { actingPrincipalOf } from '../internal-services/acting-principal-of';
import { CONTRACTS_API } from '../internal-services/internal-services.tokens';
import { requestOrRelay } from '../internal-services/relay-problem';
import { type ListingPage, LiveListingPages } from '../listings/live-listing-pages';
import { rentalTransitionListSchema, rentalTransitionSchema } from './rental-admin.dto';

export type RentalMoveAction = 'dispute' | 'resolve-dispute' | 'terminate';

/**
 * A rental's lifecycle is contracts': each call acts for the gateway's caller, whose rights contracts
 * decides, and its problems (404, 403, 409 with `from`/`to`) reach the caller unchanged.
 */
@Injectable()
export class RentalAdminClient {
  constructor(
    @Inject(CONTRACTS_API) private readonly contracts: InternalApiClient,
    private readonly livePages: LiveListingPages<ListingPage>,
  ) {}

  /** A terminated rental frees what it held; the answer does not name the listing, so every kept page goes. */
  move(caller: Principal, rentalId: string, action: RentalMoveAction, body: object) {
    const move = this.call(caller, rentalTransitionSchema, {
      method: 'POST',
      path: `/internal/v1/rentals/${rentalId}/${action}`,
      body,
    });
    return this.livePages.changing(move);
  }

  transitions(caller: Principal, rentalId: string) {
    return this.call(caller, rentalTransitionListSchema, {
      method: 'GET',
      path: `/internal/v1/rentals/${rentalId}/transitions`,
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
