import { Acting, type ActingPrincipal, InternalApiGuard } from '@hashproof/runtime';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { requireActor } from '../access/require-actor';
import { ContractsProblemFilter } from '../problem-details/contracts-problem.filter';
import { BrowseListingsUseCase } from './browse-listings.usecase';
import { ChangeListingStatusUseCase } from './change-listing-status.usecase';
import { CreateListingUseCase } from './create-listing.usecase';
import { FindListingUseCase } from './find-listing.usecase';
import {
  BrowseListingsQueryDto,
  browsedListingView,
  changesFromBody,
  CreateListingBodyDto,
  ListingActionParamsDto,
  ListingIdParamsDto,
  type ListingView,
  listingView,
  termsFromBody,
  UpdateListingBodyDto,
} from './listing.dto';
import { UpdateListingUseCase } from './update-listing.usecase';

/** Listings for the gateway, acting for its caller; who may do what is decided by the use cases. */
@ApiExcludeController()
@UseGuards(InternalApiGuard)
@UseFilters(ContractsProblemFilter)
@Controller('internal/v1/listings')
export class ListingsController {
  constructor(
    private readonly createListing: CreateListingUseCase,
    private readonly updateListing: UpdateListingUseCase,
    private readonly changeStatus: ChangeListingStatusUseCase,
    private readonly findListing: FindListingUseCase,
    private readonly browseListings: BrowseListingsUseCase,
  ) {}

  @Post()
  async create(@Acting() acting: ActingPrincipal | null, @Body() body: CreateListingBodyDto): Promise<ListingView> {
    const { providerId, ...terms } = body;
    const listing = await this.createListing.execute({
      actor: requireActor(acting),
      providerId,
      terms: termsFromBody(terms),
    });
    return listingView({ listing, held: 0n });
  }

  @Get()
  async browse(@Acting() acting: ActingPrincipal | null, @Query() query: BrowseListingsQueryDto) {
    requireActor(acting);
    const { limit, cursor, minAvailableHashrate, maxPricePerThDayMinor, ...filter } = query;
    const page = await this.browseListings.execute(
      {
        ...filter,
        minAvailableHashrate: minAvailableHashrate === undefined ? undefined : BigInt(minAvailableHashrate),
        maxPricePerThDayMinor: maxPricePerThDayMinor === undefined ? undefined : BigInt(maxPricePerThDayMinor),
      },
      { limit, cursor },
    );
    return { items: page.items.map(browsedListingView), nextCursor: page.nextCursor };
  }

  @Get(':listingId')
  async find(@Acting() acting: ActingPrincipal | null, @Param() params: ListingIdParamsDto): Promise<ListingView> {
    return listingView(await this.findListing.execute(requireActor(acting), params.listingId));
  }

  @Patch(':listingId')
  async update(
    @Acting() acting: ActingPrincipal | null,
    @Param() params: ListingIdParamsDto,
    @Body() body: UpdateListingBodyDto,
  ): Promise<ListingView> {
    const actor = requireActor(acting);
    await this.updateListing.execute({ actor, listingId: params.listingId, changes: changesFromBody(body) });
    return listingView(await this.findListing.execute(actor, params.listingId));
  }

  @Post(':listingId/:action')
  @HttpCode(HttpStatus.OK)
  async act(@Acting() acting: ActingPrincipal | null, @Param() params: ListingActionParamsDto): Promise<ListingView> {
    const actor = requireActor(acting);
    await this.changeStatus.execute({ actor, listingId: params.listingId, action: params.action });
    return listingView(await this.findListing.execute(actor, params.listingId));
  }
}
