import { Module } from '@nestjs/common';
import { ContractFlagClearedHandler } from './contract-flag-cleared.handler';
import { ContractFlaggedHandler } from './contract-flagged.handler';
import { FindReadableRentalUseCase } from './find-readable-rental.usecase';
import { GetDeliverySummaryUseCase } from './get-delivery-summary.usecase';
import { ListDeliveryWindowsUseCase } from './list-delivery-windows.usecase';
import { RecordClosedWindowUseCase } from './record-closed-window.usecase';
import { RecordFlagChangeUseCase } from './record-flag-change.usecase';
import { RecordRentalActivationUseCase } from './record-rental-activation.usecase';
import { RentalActivatedHandler } from './rental-activated.handler';
import { RentalDeliveryController } from './rental-delivery.controller';
import { WindowClosedHandler } from './window-closed.handler';

/** A read model of each rental's delivery evidence, fed by the verifier's and contracts' events. */
@Module({
  controllers: [
    RentalDeliveryController,
    RentalActivatedHandler,
    WindowClosedHandler,
    ContractFlaggedHandler,
    ContractFlagClearedHandler,
  ],
  providers: [
    RecordRentalActivationUseCase,
    RecordClosedWindowUseCase,
    RecordFlagChangeUseCase,
    FindReadableRentalUseCase,
    GetDeliverySummaryUseCase,
    ListDeliveryWindowsUseCase,
  ],
})
export class RentalDeliveryModule {}
