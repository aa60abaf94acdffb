import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { ListingPageDto, ProviderListingsQueryDto } from './listing.dto';
import { ListingsClient } from './listings.client';

/** A provider's own listings, in every status; admins name a provider or see them all. */
@ApiTags('listings')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('provider', 'admin')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 403, 429, 503)
@Controller('v1/provider/listings')
export class ProviderListingsController {
  constructor(private readonly listings: ListingsClient) {}

  @Get()
  @ApiOkResponse({ type: ListingPageDto, description: 'newest first (then by id)' })
  list(@CurrentPrincipal() caller: Principal, @Query() query: ProviderListingsQueryDto): Promise<ListingPageDto> {
    return this.listings.listOwn(caller, query);
  }
}
