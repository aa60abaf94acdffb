import { Module } from '@nestjs/common';
import { EndMeasuringEarlyUseCase } from './end-measuring-early.usecase';
import { RentalActivatedHandler } from './rental-activated.handler';
import { RentalStatusChangedHandler } from './rental-status-changed.handler';
import { StartMeasuringUseCase } from './start-measuring.usecase';

@Module({
  controllers: [RentalActivatedHandler, RentalStatusChangedHandler],
  providers: [StartMeasuringUseCase, EndMeasuringEarlyUseCase],
})
export class DeliveryContractsModule {}
