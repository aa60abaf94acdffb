import { Acting, type ActingPrincipal, InternalApiGuard } from '@hashproof/runtime';
import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { requireActor } from '../access/require-actor';
import { ContractsProblemFilter } from '../problem-details/contracts-problem.filter';
import { ListProviderListingsUseCase } from './list-provider-listings.usecase';
import { listingView, ProviderListingsQueryDto } from './listing.dto';

/** The acting provider's own listings, in every status (an admin names a provider, or sees them all). */
@ApiExcludeController()
@UseGuards(InternalApiGuard)
@UseFilters(ContractsProblemFilter)
@Controller('internal/v1/provider/listings')
export class ProviderListingsController {
  constructor(private readonly listProviderListings: ListProviderListingsUseCase) {}

  @Get()
  async list(@Acting() acting: ActingPrincipal | null, @Query() query: ProviderListingsQueryDto) {
    const page = await this.listProviderListings.execute(requireActor(acting), query);
    return { items: page.items.map(listingView), nextCursor: page.nextCursor };
  }
}
