import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { DeliverySummaryDto, type DeliverySummaryView, deliverySummaryView } from './delivery-summary.dto';
import { deliveryWindowView } from './delivery-window.dto';
import { GetDeliverySummaryUseCase } from './get-delivery-summary.usecase';
import { DeliveryWindowPageDto, ListDeliveryWindowsQueryDto } from './list-delivery-windows.query';
import { ListDeliveryWindowsUseCase } from './list-delivery-windows.usecase';
import { RentalIdParamsDto } from './rental-id.params';

/**
 * A rental's delivery evidence, for its renter, its provider and admins. Anyone else gets 404, as for a
 * rental that does not exist, so rental ids are not disclosed.
 */
@ApiTags('rentals')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseGuards(AuthenticatedGuard)
@ApiProblemResponses(400, 401, 404, 429)
@Controller('v1/rentals/:rentalId/delivery')
export class RentalDeliveryController {
  constructor(
    private readonly getSummary: GetDeliverySummaryUseCase,
    private readonly listWindows: ListDeliveryWindowsUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: DeliverySummaryDto, description: 'contract-to-date judgement, totals and flags' })
  async summary(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RentalIdParamsDto,
  ): Promise<DeliverySummaryView> {
    return deliverySummaryView(await this.getSummary.execute(caller, params.rentalId));
  }

  @Get('windows')
  @ApiOkResponse({ type: DeliveryWindowPageDto, description: 'closed windows, newest first' })
  async windows(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RentalIdParamsDto,
    @Query() query: ListDeliveryWindowsQueryDto,
  ): Promise<DeliveryWindowPageDto> {
    const page = await this.listWindows.execute(caller, params.rentalId, { limit: query.limit, cursor: query.cursor });
    return { items: page.items.map(deliveryWindowView), nextCursor: page.nextCursor };
  }
}
