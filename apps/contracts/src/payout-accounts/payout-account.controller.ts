import { Acting, type ActingPrincipal, InternalApiGuard } from '@hashproof/runtime';
import { Body, Controller, Get, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { requireActor } from '../access/require-actor';
import { ContractsProblemFilter } from '../problem-details/contracts-problem.filter';
import { ConnectPayoutAccountUseCase } from './connect-payout-account.usecase';
import { FindPayoutAccountUseCase } from './find-payout-account.usecase';
import { ConnectPayoutAccountBodyDto, PayoutAccountQueryDto, payoutAccountView } from './payout-account.dto';

/** The acting provider's payout account (an admin names the provider with ?providerId=). */
@ApiExcludeController()
@UseGuards(InternalApiGuard)
@UseFilters(ContractsProblemFilter)
@Controller('internal/v1/provider/payout-account')
export class PayoutAccountController {
  constructor(
    private readonly connectPayoutAccount: ConnectPayoutAccountUseCase,
    private readonly findPayoutAccount: FindPayoutAccountUseCase,
  ) {}

  @Put()
  async connect(
    @Acting() acting: ActingPrincipal | null,
    @Query() query: PayoutAccountQueryDto,
    @Body() body: ConnectPayoutAccountBodyDto,
  ) {
    const account = await this.connectPayoutAccount.execute({
      actor: requireActor(acting),
      providerId: query.providerId,
      stripeAccountId: body.stripeAccountId,
    });
    return payoutAccountView(account);
  }

  @Get()
  async find(@Acting() acting: ActingPrincipal | null, @Query() query: PayoutAccountQueryDto) {
    return payoutAccountView(await this.findPayoutAccount.execute(requireActor(acting), query.providerId));
  }
}
