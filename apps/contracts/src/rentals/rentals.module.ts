import { Module } from '@nestjs/common';
import { ActivateRentalUseCase } from './activate-rental.usecase';
import { CancelUnpaidRentalUseCase } from './cancel-unpaid-rental.usecase';
import { OpenRentalUseCase } from './open-rental.usecase';

@Module({
  providers: [OpenRentalUseCase, ActivateRentalUseCase, CancelUnpaidRentalUseCase],
  exports: [OpenRentalUseCase, ActivateRentalUseCase, CancelUnpaidRentalUseCase],
})
export class RentalsModule {}
