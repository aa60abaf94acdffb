import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import {
  BrowsedListingPageDto,
  BrowseListingsQueryDto,
  CreateListingDto,
  ListingIdParamsDto,
  ListingViewDto,
  UpdateListingDto,
} from './listing.dto';
import { type ListingAction, ListingsClient } from './listings.client';
import { NoFieldsPipe } from './no-fields.pipe';

const moved = (action: string) =>
  `the listing after it was ${action}; 409 when its status does not allow it (a retired listing stays retired)`;
const goesLive =
  '; going live needs a connected payout account (409 `payout-account-not-connected`) and a capacity check that ' +
  'verified at least the hash rate of all the provider’s live listings together (409 `verified-capacity-exceeded`)';

/**
 * Providers list hash rate for rent; renters browse what is live. A listing is changed only by its provider
 * (or an admin): for anyone else it does not exist (404), and renters may not manage listings at all (403).
 */
@ApiTags('listings')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 429, 503)
@Controller('v1/listings')
export class ListingsController {
  constructor(private readonly listings: ListingsClient) {}

  @Post()
  @Roles('provider', 'admin')
  @ApiBody({ type: CreateListingDto })
  @ApiCreatedResponse({ type: ListingViewDto, description: 'a draft: nothing is for sale until it is published' })
  @ApiProblemResponses(403)
  create(@CurrentPrincipal() caller: Principal, @Body() body: CreateListingDto): Promise<ListingViewDto> {
    return this.listings.create(caller, body);
  }

  @Get()
  @ApiOkResponse({
    type: BrowsedListingPageDto,
    description: 'live listings, cheapest first (then by id); an answer may be reused for up to a second',
  })
  browse(
    @CurrentPrincipal() caller: Principal,
    @Query() query: BrowseListingsQueryDto,
  ): Promise<BrowsedListingPageDto> {
    return this.listings.browse(caller, query);
  }

  @Get(':listingId')
  @ApiOkResponse({
    type: ListingViewDto,
    description:
      'live: for anyone (a live page may be reused for up to a second); otherwise for its provider and admins',
  })
  @ApiProblemResponses(404)
  find(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListingIdParamsDto,
    @Query(NoFieldsPipe) _query: undefined,
  ): Promise<ListingViewDto> {
    return this.listings.find(caller, params.listingId);
  }

  @Patch(':listingId')
  @Roles('provider', 'admin')
  @ApiBody({ type: UpdateListingDto })
  @ApiOkResponse({
    type: ListingViewDto,
    description:
      'terms of a draft or paused listing (409 for a live one: pause it first); its hash rate never below what ' +
      'its rentals hold (409 `hashrate-below-rented`)',
  })
  @ApiProblemResponses(403, 404, 409)
  update(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListingIdParamsDto,
    @Body() body: UpdateListingDto,
  ): Promise<ListingViewDto> {
    return this.listings.update(caller, params.listingId, body);
  }

  @Post(':listingId/publish')
  @ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, maxProperties: 0 } })
  @Roles('provider', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ListingViewDto, description: moved('published (draft → live)') + goesLive })
  @ApiProblemResponses(403, 404, 409)
  publish(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListingIdParamsDto,
    @Body(NoFieldsPipe) _body: undefined,
  ): Promise<ListingViewDto> {
    return this.act(caller, params, 'publish');
  }

  @Post(':listingId/pause')
  @ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, maxProperties: 0 } })
  @Roles('provider', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ListingViewDto, description: moved('paused (live → paused); its rentals run on') })
  @ApiProblemResponses(403, 404, 409)
  pause(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListingIdParamsDto,
    @Body(NoFieldsPipe) _body: undefined,
  ): Promise<ListingViewDto> {
    return this.act(caller, params, 'pause');
  }

  @Post(':listingId/resume')
  @ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, maxProperties: 0 } })
  @Roles('provider', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ListingViewDto, description: moved('resumed (paused → live)') + goesLive })
  @ApiProblemResponses(403, 404, 409)
  resume(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListingIdParamsDto,
    @Body(NoFieldsPipe) _body: undefined,
  ): Promise<ListingViewDto> {
    return this.act(caller, params, 'resume');
  }

  @Post(':listingId/retire')
  @ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, maxProperties: 0 } })
  @Roles('provider', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ListingViewDto, description: moved('retired, for good; its rentals run on') })
  @ApiProblemResponses(403, 404, 409)
  retire(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ListingIdParamsDto,
    @Body(NoFieldsPipe) _body: undefined,
  ): Promise<ListingViewDto> {
    return this.act(caller, params, 'retire');
  }

  private act(caller: Principal, params: ListingIdParamsDto, action: ListingAction): Promise<ListingViewDto> {
    return this.listings.act(caller, params.listingId, action);
  }
}
