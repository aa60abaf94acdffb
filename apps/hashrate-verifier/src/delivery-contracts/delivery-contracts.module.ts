import { Module } from '@nestjs/common';
import { RentalActivatedHandler } from './rental-activated.handler';
import { StartMeasuringUseCase } from './start-measuring.usecase';

@Module({ controllers: [RentalActivatedHandler], providers: [StartMeasuringUseCase] })
export class DeliveryContractsModule {}
