import { Module } from '@nestjs/common';
import { FinalizeSettlementUseCase } from './finalize-settlement.usecase';
import { MeasurementCompletedHandler } from './measurement-completed.handler';
import { OpenSettlementUseCase } from './open-settlement.usecase';
import { RecordDeliveryMeasurementUseCase } from './record-delivery-measurement.usecase';
import { RecordRentalEndingUseCase } from './record-rental-ending.usecase';
import { RentalActivatedHandler } from './rental-activated.handler';
import { RentalStatusChangedHandler } from './rental-status-changed.handler';

/** A settlement per paid rental: opened at activation, final once the rental has ended and been measured. */
@Module({
  controllers: [RentalActivatedHandler, RentalStatusChangedHandler, MeasurementCompletedHandler],
  providers: [
    OpenSettlementUseCase,
    RecordRentalEndingUseCase,
    RecordDeliveryMeasurementUseCase,
    FinalizeSettlementUseCase,
  ],
})
export class SettlementsModule {}
