import { Module } from '@nestjs/common';
import { ActivateRentalUseCase } from './activate-rental.usecase';
import { ApplyContractFlagUseCase } from './apply-contract-flag.usecase';
import { CancelUnpaidRentalUseCase } from './cancel-unpaid-rental.usecase';
import { CompleteEndedRentalsUseCase } from './complete-ended-rentals.usecase';
import { ContractFlaggedHandler } from './contract-flagged.handler';
import { DisputeRentalUseCase } from './dispute-rental.usecase';
import { ListRentalTransitionsUseCase } from './list-rental-transitions.usecase';
import { OpenRentalUseCase } from './open-rental.usecase';
import { RentalCompleter } from './rental-completer';
import { RentalLifecycleController } from './rental-lifecycle.controller';
import { ResolveDisputeUseCase } from './resolve-dispute.usecase';
import { SettleRentalUseCase } from './settle-rental.usecase';
import { SettlementFinalizedHandler } from './settlement-finalized.handler';
import { TerminateRentalUseCase } from './terminate-rental.usecase';

@Module({
  controllers: [RentalLifecycleController, ContractFlaggedHandler, SettlementFinalizedHandler],
  providers: [
    OpenRentalUseCase,
    ActivateRentalUseCase,
    CancelUnpaidRentalUseCase,
    CompleteEndedRentalsUseCase,
    RentalCompleter,
    DisputeRentalUseCase,
    ResolveDisputeUseCase,
    TerminateRentalUseCase,
    SettleRentalUseCase,
    ListRentalTransitionsUseCase,
    ApplyContractFlagUseCase,
  ],
  exports: [OpenRentalUseCase, ActivateRentalUseCase, CancelUnpaidRentalUseCase],
})
export class RentalsModule {}
