import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { type AccountView, accountView, AccountViewDto } from './account.dto';
import { FindAccountUseCase } from './find-account.usecase';

@ApiTags('accounts')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseGuards(AuthenticatedGuard)
@ApiProblemResponses(401, 429)
@Controller('v1/me')
export class MeController {
  constructor(private readonly findAccount: FindAccountUseCase) {}

  @Get()
  @ApiOkResponse({ type: AccountViewDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return accountView(await this.findAccount.execute(principal.accountId));
  }
}
