import { originatingFrom } from '@hashproof/messaging';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import {
  CapacityCheckIdParamsDto,
  type CapacityCheckRequest,
  type CapacityCheckView,
  capacityCheckView,
  CapacityCheckViewDto,
  RequestCapacityCheckDto,
  RequestedCapacityCheckDto,
} from './capacity-check.dto';
import { CapacityCheckRequestPipe } from './capacity-check-request.pipe';
import { CAPACITY_CHECK_SETTINGS, type CapacityCheckSettings } from './capacity-check-settings';
import { FindCapacityCheckUseCase } from './find-capacity-check.usecase';
import {
  CapacityCheckCursorPageDto,
  CapacityCheckNumberedPageDto,
  ListCapacityChecksQueryDto,
  pageRequestOf,
} from './list-capacity-checks.query';
import { ListCapacityChecksUseCase } from './list-capacity-checks.usecase';
import { RequestCapacityCheckUseCase } from './request-capacity-check.usecase';

/** Providers prove the hash rate they list by mining through the verifier under a check's credential. */
@ApiTags('capacity-checks')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 429)
@Controller('v1/capacity-checks')
export class CapacityChecksController {
  constructor(
    private readonly requestCapacityCheck: RequestCapacityCheckUseCase,
    private readonly listCapacityChecks: ListCapacityChecksUseCase,
    private readonly findCapacityCheck: FindCapacityCheckUseCase,
    @Inject(CAPACITY_CHECK_SETTINGS) private readonly settings: CapacityCheckSettings,
  ) {}

  @Post()
  @Roles('provider')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiBody({ type: RequestCapacityCheckDto })
  @ApiAcceptedResponse({ type: RequestedCapacityCheckDto, description: 'running: point the rigs at stratumUrl' })
  @ApiProblemResponses(403)
  async request(
    @CurrentPrincipal() principal: Principal,
    @Body(CapacityCheckRequestPipe) body: CapacityCheckRequest,
    @Req() request: FastifyRequest,
  ): Promise<RequestedCapacityCheckDto> {
    const check = await this.requestCapacityCheck.execute(principal.accountId, body, originatingFrom(request.id));
    return {
      checkId: check.id,
      credential: check.credential,
      stratumUrl: this.settings.stratumUrl,
      startsAt: check.startsAt.toISOString(),
      endsAt: check.endsAt.toISOString(),
      status: check.status,
    };
  }

  @Get()
  @Roles('provider')
  @ApiExtraModels(CapacityCheckCursorPageDto, CapacityCheckNumberedPageDto)
  @ApiOkResponse({
    description:
      'the caller’s checks, newest first: a cursor page, or a numbered page when `page` or `pageSize` is given',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CapacityCheckCursorPageDto) },
        { $ref: getSchemaPath(CapacityCheckNumberedPageDto) },
      ],
    },
  })
  @ApiProblemResponses(403)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListCapacityChecksQueryDto,
  ): Promise<CapacityCheckCursorPageDto | CapacityCheckNumberedPageDto> {
    const page = await this.listCapacityChecks.execute(principal.accountId, pageRequestOf(query));
    const items = page.items.map((check) => capacityCheckView(check, this.settings.stratumUrl));
    return page.kind === 'numbered'
      ? { items, page: page.page, pageSize: page.pageSize, total: page.total }
      : { items, nextCursor: page.nextCursor };
  }

  @Get(':checkId')
  @ApiOkResponse({ type: CapacityCheckViewDto })
  @ApiProblemResponses(404)
  async find(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CapacityCheckIdParamsDto,
  ): Promise<CapacityCheckView> {
    return capacityCheckView(await this.findCapacityCheck.execute(principal, params.checkId), this.settings.stratumUrl);
  }
}
