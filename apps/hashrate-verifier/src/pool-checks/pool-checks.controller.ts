import { Acting, type ActingPrincipal, InternalApiGuard, InternalProblemFilter } from '@hashproof/runtime';
import { Body, Controller, HttpCode, HttpStatus, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type PoolCheckOutcome, PoolCheckRequestDto } from './pool-check.dto';
import { RunPoolCheckUseCase } from './run-pool-check.usecase';

/** For the gateway only: a failed check is a 200 naming the reason, not an error. */
@ApiExcludeController()
@UseGuards(InternalApiGuard)
@UseFilters(InternalProblemFilter)
@Controller('internal/v1/pool-checks')
export class PoolChecksController {
  constructor(private readonly runPoolCheck: RunPoolCheckUseCase) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  check(@Body() body: PoolCheckRequestDto, @Acting() acting: ActingPrincipal | null): Promise<PoolCheckOutcome> {
    return this.runPoolCheck.execute(body, acting);
  }
}
