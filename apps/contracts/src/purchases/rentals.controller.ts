import { Acting, type ActingPrincipal, InternalApiGuard } from '@hashproof/runtime';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { requireActor } from '../access/require-actor';
import { ContractsProblemFilter } from '../problem-details/contracts-problem.filter';
import { CancelRentalUseCase } from './cancel-rental.usecase';
import { FindRentalUseCase } from './find-rental.usecase';
import { ListRentalsUseCase } from './list-rentals.usecase';
import { purchaseIdempotencyKey } from './purchase-idempotency-key';
import { RentalIdParamsDto, RentalsQueryDto, RentBodyDto, rentalView } from './rental.dto';
import { RentFromListingUseCase } from './rent-from-listing.usecase';

/** Renters' rentals for the gateway, acting for its caller; who may do what is decided by the use cases. */
@ApiExcludeController()
@UseGuards(InternalApiGuard)
@UseFilters(ContractsProblemFilter)
@Controller('internal/v1/rentals')
export class RentalsController {
  constructor(
    private readonly rentFromListing: RentFromListingUseCase,
    private readonly listRentals: ListRentalsUseCase,
    private readonly findRental: FindRentalUseCase,
    private readonly cancelRental: CancelRentalUseCase,
  ) {}

  @Post()
  async rent(
    @Acting() acting: ActingPrincipal | null,
    @Body() body: RentBodyDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    const { rental, payment } = await this.rentFromListing.execute({
      actor: requireActor(acting),
      idempotencyKey: purchaseIdempotencyKey(idempotencyKey),
      listingId: body.listingId,
      hashrate: BigInt(body.hashrate),
      durationSeconds: body.durationSeconds,
      pool: body.pool,
    });
    return {
      rental: rentalView(rental, 'renter'),
      payment: payment && { ...payment, holdExpiresAt: payment.holdExpiresAt.toISOString() },
    };
  }

  @Get()
  async list(@Acting() acting: ActingPrincipal | null, @Query() query: RentalsQueryDto) {
    const actor = requireActor(acting);
    const page = await this.listRentals.execute(actor, query);
    const reader = actor.role === 'admin' ? 'admin' : 'renter';
    return { items: page.items.map((rental) => rentalView(rental, reader)), nextCursor: page.nextCursor };
  }

  @Get(':rentalId')
  async find(@Acting() acting: ActingPrincipal | null, @Param() params: RentalIdParamsDto) {
    const { rental, reader } = await this.findRental.execute(requireActor(acting), params.rentalId);
    return rentalView(rental, reader);
  }

  @Post(':rentalId/cancel')
  @HttpCode(HttpStatus.OK)
  async cancel(@Acting() acting: ActingPrincipal | null, @Param() params: RentalIdParamsDto) {
    const actor = requireActor(acting);
    const rental = await this.cancelRental.execute(actor, params.rentalId);
    return rentalView(rental, actor.role === 'admin' ? 'admin' : 'renter');
  }
}
