import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { ListingsClient } from './listings.client';
import { ProviderRentalPageDto, ProviderRentalsQueryDto, providerRentalView } from './provider-rental.dto';
import { PROVIDER_RENTAL_SETTINGS, type ProviderRentalSettings } from './provider-rental-settings';

/**
 * The rentals sold from a provider's listings: for each running one, the stratum URL and the credential its
 * rigs mine it under (the verifier admits them only with it). Admins name a provider or see them all.
 */
@ApiTags('listings')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('provider', 'admin')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 403, 429, 503)
@Controller('v1/provider/rentals')
export class ProviderRentalsController {
  constructor(
    private readonly listings: ListingsClient,
    @Inject(PROVIDER_RENTAL_SETTINGS) private readonly settings: ProviderRentalSettings,
  ) {}

  @Get()
  @ApiOkResponse({ type: ProviderRentalPageDto, description: 'newest first (then by id)' })
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ProviderRentalsQueryDto,
  ): Promise<ProviderRentalPageDto> {
    const page = await this.listings.listOwnRentals(caller, query);
    return {
      items: page.items.map((rental) => providerRentalView(rental, this.settings.stratumUrl)),
      nextCursor: page.nextCursor,
    };
  }
}
