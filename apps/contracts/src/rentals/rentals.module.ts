import { Module } from '@nestjs/common';
import { ActivateRentalUseCase } from './activate-rental.usecase';
import { OpenRentalUseCase } from './open-rental.usecase';

@Module({
  providers: [OpenRentalUseCase, ActivateRentalUseCase],
  exports: [OpenRentalUseCase, ActivateRentalUseCase],
})
export class RentalsModule {}
