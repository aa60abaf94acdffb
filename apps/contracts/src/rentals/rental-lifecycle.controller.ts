import { Acting, type ActingPrincipal, InternalApiGuard } from '@hashproof/runtime';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { requireActor } from '../access/require-actor';
import { ContractsProblemFilter } from '../problem-details/contracts-problem.filter';
import { DisputeRentalUseCase } from './dispute-rental.usecase';
import { ListRentalTransitionsUseCase } from './list-rental-transitions.usecase';
import {
  DisputeRentalBodyDto,
  recordedMoveView,
  RentalIdParamsDto,
  type RentalTransitionView,
  ResolveDisputeBodyDto,
  TerminateRentalBodyDto,
  transitionView,
} from './rental-lifecycle.dto';
import { ResolveDisputeUseCase } from './resolve-dispute.usecase';
import { TerminateRentalUseCase } from './terminate-rental.usecase';

/** Disputes, terminations and the audit trail, acting for the gateway's caller; payouts alone settles. */
@ApiExcludeController()
@UseGuards(InternalApiGuard)
@UseFilters(ContractsProblemFilter)
@Controller('internal/v1/rentals/:rentalId')
export class RentalLifecycleController {
  constructor(
    private readonly disputeRental: DisputeRentalUseCase,
    private readonly resolveDispute: ResolveDisputeUseCase,
    private readonly terminateRental: TerminateRentalUseCase,
    private readonly listTransitions: ListRentalTransitionsUseCase,
  ) {}

  @Post('dispute')
  @HttpCode(HttpStatus.OK)
  async dispute(
    @Acting() acting: ActingPrincipal | null,
    @Param() { rentalId }: RentalIdParamsDto,
    @Body() { reason }: DisputeRentalBodyDto,
  ): Promise<RentalTransitionView> {
    return recordedMoveView(await this.disputeRental.execute({ rentalId, actor: requireActor(acting), reason }));
  }

  @Post('resolve-dispute')
  @HttpCode(HttpStatus.OK)
  async resolve(
    @Acting() acting: ActingPrincipal | null,
    @Param() { rentalId }: RentalIdParamsDto,
    @Body() { outcome, reason }: ResolveDisputeBodyDto,
  ): Promise<RentalTransitionView> {
    const actor = requireActor(acting);
    return recordedMoveView(await this.resolveDispute.execute({ rentalId, actor, outcome, reason }));
  }

  @Post('terminate')
  @HttpCode(HttpStatus.OK)
  async terminate(
    @Acting() acting: ActingPrincipal | null,
    @Param() { rentalId }: RentalIdParamsDto,
    @Body() { reason }: TerminateRentalBodyDto,
  ): Promise<RentalTransitionView> {
    return recordedMoveView(await this.terminateRental.execute({ rentalId, actor: requireActor(acting), reason }));
  }

  @Get('transitions')
  async transitions(
    @Acting() acting: ActingPrincipal | null,
    @Param() { rentalId }: RentalIdParamsDto,
  ): Promise<{ rentalId: string; items: RentalTransitionView[] }> {
    const items = await this.listTransitions.execute(requireActor(acting), rentalId);
    return { rentalId, items: items.map(transitionView) };
  }
}
