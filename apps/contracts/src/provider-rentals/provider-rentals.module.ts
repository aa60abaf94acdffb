import { Module } from '@nestjs/common';
import { ListProviderRentalsUseCase } from './list-provider-rentals.usecase';
import { ProviderRentalsController } from './provider-rentals.controller';

/** What a provider sees of the rentals sold from its listings, its rigs' credentials included. */
@Module({
  controllers: [ProviderRentalsController],
  providers: [ListProviderRentalsUseCase],
})
export class ProviderRentalsModule {}
