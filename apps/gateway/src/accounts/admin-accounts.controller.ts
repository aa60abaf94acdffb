import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiSecurity, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuthenticatedGuard } from '../auth/authenticated.guard';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { accountView } from './account.dto';
import {
  AccountCursorPageDto,
  AccountNumberedPageDto,
  ListAccountsQueryDto,
  pageRequestOf,
} from './list-accounts.query';
import { ListAccountsUseCase } from './list-accounts.usecase';

@ApiTags('admin')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('admin')
@UseGuards(AuthenticatedGuard, RolesGuard)
@ApiProblemResponses(400, 401, 403, 429)
@Controller('v1/admin/accounts')
export class AdminAccountsController {
  constructor(private readonly listAccounts: ListAccountsUseCase) {}

  @Get()
  @ApiExtraModels(AccountCursorPageDto, AccountNumberedPageDto)
  @ApiOkResponse({
    description: 'a cursor page, or a numbered page when `page` or `pageSize` is given',
    schema: { oneOf: [{ $ref: getSchemaPath(AccountCursorPageDto) }, { $ref: getSchemaPath(AccountNumberedPageDto) }] },
  })
  async list(@Query() query: ListAccountsQueryDto): Promise<AccountCursorPageDto | AccountNumberedPageDto> {
    const page = await this.listAccounts.execute(
      { role: query.role, emailPrefix: query.emailPrefix },
      pageRequestOf(query),
    );
    const items = page.items.map(accountView);
    return page.kind === 'numbered'
      ? { items, page: page.page, pageSize: page.pageSize, total: page.total }
      : { items, nextCursor: page.nextCursor };
  }
}
