import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { NoFieldsPipe } from '../listings/no-fields.pipe';
import { PROVIDER_RENTAL_SETTINGS, type ProviderRentalSettings } from '../listings/provider-rental-settings';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { StrictRateLimit } from '../rate-limiting/strict-rate-limit.decorator';
import {
  PurchaseDto,
  RentalIdParamsDto,
  RentalPageDto,
  RentalsQueryDto,
  RentalViewDto,
  RentDto,
  rentalView,
} from './rental.dto';
import { RentalsClient } from './rentals.client';
import { RentHashrateUseCase } from './rent-hashrate.usecase';

/**
 * Renters rent hash rate from live listings, pay for it through Stripe and may cancel it, pro rata once it
 * runs. A rental is seen by its renter, the provider of its listing and admins; for anyone else it does not
 * exist (404).
 */
@ApiTags('rentals')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 429, 503)
@Controller('v1/rentals')
export class RentalsController {
  constructor(
    private readonly rentHashrate: RentHashrateUseCase,
    private readonly rentals: RentalsClient,
    @Inject(PROVIDER_RENTAL_SETTINGS) private readonly settings: ProviderRentalSettings,
  ) {}

  /** Each purchase first connects to a pool the caller names, hence the strict limit, as for pool checks. */
  @Post()
  @Roles('renter')
  @StrictRateLimit()
  @ApiBody({ type: RentDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'retrying with the same key returns the same rental (a different purchase under it is a 409)',
  })
  @ApiCreatedResponse({
    type: PurchaseDto,
    description:
      'the rental, awaiting payment and holding its capacity until `payment.holdExpiresAt`, and the Stripe ' +
      'PaymentIntent to pay it with; the price is the listing’s, computed server-side',
  })
  @ApiProblemResponses(403, 404, 409, 422)
  async rent(
    @CurrentPrincipal() caller: Principal,
    @Body() body: RentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<PurchaseDto> {
    const { rental, payment } = await this.rentHashrate.execute(caller, body, idempotencyKey);
    return { rental: rentalView(rental, this.settings.stratumUrl), payment };
  }

  @Get()
  @Roles('renter', 'admin')
  @ApiOkResponse({ type: RentalPageDto, description: 'the renter’s own rentals (an admin: all), newest first' })
  @ApiProblemResponses(403)
  async list(@CurrentPrincipal() caller: Principal, @Query() query: RentalsQueryDto): Promise<RentalPageDto> {
    const page = await this.rentals.list(caller, query);
    return {
      items: page.items.map((rental) => rentalView(rental, this.settings.stratumUrl)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':rentalId')
  @Roles('renter', 'provider', 'admin')
  @ApiOkResponse({ type: RentalViewDto, description: 'for its renter, the provider of its listing and admins' })
  @ApiProblemResponses(404)
  async find(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RentalIdParamsDto,
    @Query(NoFieldsPipe) _query: undefined,
  ): Promise<RentalViewDto> {
    return rentalView(await this.rentals.find(caller, params.rentalId), this.settings.stratumUrl);
  }

  @Post(':rentalId/cancel')
  @Roles('renter', 'provider', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, maxProperties: 0 } })
  @ApiOkResponse({
    type: RentalViewDto,
    description:
      'cancelled, its capacity released. Before the start its PaymentIntent is canceled at Stripe first and ' +
      'nothing is charged. Once started, it ends at once and is settled pro rata: the verifier stops measuring ' +
      'it now, and once payouts has settled it (`status` `settled`, `settlement` set) the provider is paid for ' +
      'the verified delivery and the renter refunded the rest. Cancelling a cancelled rental again changes ' +
      'nothing and answers the same. 409 `rental-disputed` while it is disputed (an admin resolves the dispute ' +
      'first), `rental-transition-refused` once it has ended. Its provider gets 403.',
  })
  @ApiProblemResponses(403, 404, 409)
  async cancel(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RentalIdParamsDto,
    @Body(NoFieldsPipe) _body: undefined,
  ): Promise<RentalViewDto> {
    return rentalView(await this.rentals.cancel(caller, params.rentalId), this.settings.stratumUrl);
  }
}
