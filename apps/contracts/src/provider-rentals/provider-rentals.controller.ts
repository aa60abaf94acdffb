import { Acting, type ActingPrincipal, InternalApiGuard } from '@hashproof/runtime';
import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { requireActor } from '../access/require-actor';
import { ContractsProblemFilter } from '../problem-details/contracts-problem.filter';
import { ListProviderRentalsUseCase } from './list-provider-rentals.usecase';
import { ProviderRentalsQueryDto, providerRentalView } from './provider-rental.dto';

/** Rentals sold from the acting provider's listings, with the credential its rigs mine the running ones under. */
@ApiExcludeController()
@UseGuards(InternalApiGuard)
@UseFilters(ContractsProblemFilter)
@Controller('internal/v1/provider/rentals')
export class ProviderRentalsController {
  constructor(private readonly listProviderRentals: ListProviderRentalsUseCase) {}

  @Get()
  async list(@Acting() acting: ActingPrincipal | null, @Query() query: ProviderRentalsQueryDto) {
    const page = await this.listProviderRentals.execute(requireActor(acting), query);
    return { items: page.items.map(providerRentalView), nextCursor: page.nextCursor };
  }
}
