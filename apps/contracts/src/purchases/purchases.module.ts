import { type DynamicModule, Module } from '@nestjs/common';
import { ListingsModule } from '../listings/listings.module';
import { RentalsModule } from '../rentals/rentals.module';
import { CancelProRataUseCase } from './cancel-pro-rata.usecase';
import { CancelRentalUseCase } from './cancel-rental.usecase';
import { FindRentalUseCase } from './find-rental.usecase';
import { ListRentalsUseCase } from './list-rentals.usecase';
import { RentFromListingUseCase } from './rent-from-listing.usecase';
import { RentalsController } from './rentals.controller';

/**
 * Renters buying rentals from listings, paying for them and cancelling them, before the start or pro rata.
 * Takes the very PaymentsModule instance the app imports, so Stripe's client and the hold expirer exist once.
 */
@Module({})
export class PurchasesModule {
  static forRoot(payments: DynamicModule): DynamicModule {
    return {
      module: PurchasesModule,
      imports: [ListingsModule, RentalsModule, payments],
      controllers: [RentalsController],
      providers: [
        RentFromListingUseCase,
        ListRentalsUseCase,
        FindRentalUseCase,
        CancelRentalUseCase,
        CancelProRataUseCase,
      ],
    };
  }
}
