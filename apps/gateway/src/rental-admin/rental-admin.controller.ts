import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { NoFieldsPipe } from '../listings/no-fields.pipe';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { RentalIdParamsDto } from '../rental-delivery/rental-id.params';
import { RentalAdminClient } from './rental-admin.client';
import {
  DisputeRentalDto,
  ResolveDisputeDto,
  RentalTransitionDto,
  RentalTransitionListDto,
  TerminateRentalDto,
} from './rental-admin.dto';

const refused = '; 409 `illegal-rental-transition` (with `from` and `to`) when the rental’s status does not allow it';

/**
 * Disputes, terminations and the audit trail of a rental. Its renter disputes; admins decide disputes and
 * terminate (anyone else gets 403 on those, whatever the rental); its renter, its provider and admins read the
 * trail. For anyone else the rental does not exist (404). Nobody settles a rental here: payouts does, once it
 * has ended and been measured.
 */
@ApiTags('rentals')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 404, 429, 503)
@Controller('v1/rentals/:rentalId')
export class RentalAdminController {
  constructor(private readonly rentals: RentalAdminClient) {}

  @Post('dispute')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: DisputeRentalDto })
  @ApiOkResponse({
    type: RentalTransitionDto,
    description: 'active → disputed, by its renter or an admin; it holds its capacity until decided' + refused,
  })
  @ApiProblemResponses(403, 409)
  dispute(
    @CurrentPrincipal() caller: Principal,
    @Param() { rentalId }: RentalIdParamsDto,
    @Body() body: DisputeRentalDto,
  ): Promise<RentalTransitionDto> {
    return this.rentals.move(caller, rentalId, 'dispute', body);
  }

  @Post('resolve-dispute')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: ResolveDisputeDto })
  @ApiOkResponse({
    type: RentalTransitionDto,
    description:
      'admins: disputed → active (reinstate) or → terminated; 409 `rental-not-disputed` for a rental not disputed',
  })
  @ApiProblemResponses(403, 409)
  resolveDispute(
    @CurrentPrincipal() caller: Principal,
    @Param() { rentalId }: RentalIdParamsDto,
    @Body() body: ResolveDisputeDto,
  ): Promise<RentalTransitionDto> {
    return this.rentals.move(caller, rentalId, 'resolve-dispute', body);
  }

  @Post('terminate')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: TerminateRentalDto })
  @ApiOkResponse({ type: RentalTransitionDto, description: 'admins: active or disputed → terminated' + refused })
  @ApiProblemResponses(403, 409)
  terminate(
    @CurrentPrincipal() caller: Principal,
    @Param() { rentalId }: RentalIdParamsDto,
    @Body() body: TerminateRentalDto,
  ): Promise<RentalTransitionDto> {
    return this.rentals.move(caller, rentalId, 'terminate', body);
  }

  @Get('transitions')
  @ApiOkResponse({
    type: RentalTransitionListDto,
    description: 'the audit trail: every status change, who caused it and why; for its renter, its provider and admins',
  })
  transitions(
    @CurrentPrincipal() caller: Principal,
    @Param() { rentalId }: RentalIdParamsDto,
    @Query(NoFieldsPipe) _query: undefined,
  ): Promise<RentalTransitionListDto> {
    return this.rentals.transitions(caller, rentalId);
  }
}
