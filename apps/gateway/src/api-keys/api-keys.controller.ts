import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { ApiKeyIdParamsDto, ApiKeyListDto, apiKeyView, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { CreateApiKeyUseCase } from './create-api-key.usecase';
import { ListApiKeysUseCase } from './list-api-keys.usecase';
import { RevokeApiKeyUseCase } from './revoke-api-key.usecase';

/** Bearer tokens only: a leaked API key must not be able to mint more keys or hide itself. */
@ApiTags('api-keys')
@ApiBearerAuth()
@UseGuards(AccessTokenGuard)
@ApiProblemResponses(400, 401, 429)
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly createApiKey: CreateApiKeyUseCase,
    private readonly listApiKeys: ListApiKeysUseCase,
    private readonly revokeApiKey: RevokeApiKeyUseCase,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { apiKey, key } = await this.createApiKey.execute(principal.accountId, body.name);
    return { ...apiKeyView(apiKey), key };
  }

  @Get()
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyListDto> {
    return { items: (await this.listApiKeys.execute(principal.accountId)).map(apiKeyView) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'revoked; requests with the key now fail' })
  @ApiProblemResponses(404)
  async revoke(@CurrentPrincipal() principal: Principal, @Param() params: ApiKeyIdParamsDto): Promise<void> {
    await this.revokeApiKey.execute(principal.accountId, params.id);
  }
}
