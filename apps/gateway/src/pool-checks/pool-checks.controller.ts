import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiSecurity, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { StrictRateLimit } from '../rate-limiting/strict-rate-limit.decorator';
import { PoolCheckFailedDto, PoolCheckPassedDto, type PoolCheckResult, RunPoolCheckDto } from './pool-check.dto';
import { RunPoolCheckUseCase } from './run-pool-check.usecase';

/** Whether a pool can be mined to with a login, checked before a contract that mines to it is activated. */
@ApiTags('pool-checks')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseGuards(AuthenticatedGuard)
@Controller('v1/pool-checks')
export class PoolChecksController {
  constructor(private readonly runPoolCheck: RunPoolCheckUseCase) {}

  /** Each check opens a connection to a host the caller names, hence the strict limit. */
  @Post()
  @HttpCode(HttpStatus.OK)
  @StrictRateLimit()
  @ApiExtraModels(PoolCheckPassedDto, PoolCheckFailedDto)
  @ApiOkResponse({
    description:
      'the check ran: `ok` when the pool subscribed, authorized the worker, left at least 4 bytes of ' +
      'extranonce2 and sent a job; otherwise `ok: false` with the reason',
    schema: { oneOf: [{ $ref: getSchemaPath(PoolCheckPassedDto) }, { $ref: getSchemaPath(PoolCheckFailedDto) }] },
  })
  @ApiProblemResponses(400, 401, 429, 503)
  check(@CurrentPrincipal() principal: Principal, @Body() body: RunPoolCheckDto): Promise<PoolCheckResult> {
    return this.runPoolCheck.execute(principal, body);
  }
}
