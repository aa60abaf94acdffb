import { Body, Controller, Get, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { ConnectPayoutAccountDto, PayoutAccountQueryDto, PayoutAccountViewDto } from './payout-account.dto';
import { PayoutAccountsClient } from './payout-accounts.client';

/**
 * Where a provider is paid: its Stripe connected account, which must exist on the platform and be able to
 * receive payouts. A provider's listings go live only once it has one. Admins name the provider.
 */
@ApiTags('payout-account')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('provider', 'admin')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 403, 429, 503)
@Controller('v1/provider/payout-account')
export class PayoutAccountController {
  constructor(private readonly payoutAccounts: PayoutAccountsClient) {}

  @Put()
  @ApiBody({ type: ConnectPayoutAccountDto })
  @ApiOkResponse({
    type: PayoutAccountViewDto,
    description:
      'connected, replacing any earlier account; 400 `unknown-payout-account` when Stripe has no such account on ' +
      'the platform, 409 `payouts-not-enabled` when it cannot receive payouts yet',
  })
  @ApiProblemResponses(409)
  connect(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PayoutAccountQueryDto,
    @Body() body: ConnectPayoutAccountDto,
  ): Promise<PayoutAccountViewDto> {
    return this.payoutAccounts.connect(caller, query, body);
  }

  @Get()
  @ApiOkResponse({ type: PayoutAccountViewDto })
  @ApiProblemResponses(404)
  find(@CurrentPrincipal() caller: Principal, @Query() query: PayoutAccountQueryDto): Promise<PayoutAccountViewDto> {
    return this.payoutAccounts.find(caller, query);
  }
}
