import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { AuthenticateApiKeyUseCase } from './authenticate-api-key.usecase';
import { CreateApiKeyUseCase } from './create-api-key.usecase';
import { ListApiKeysUseCase } from './list-api-keys.usecase';
import { RevokeApiKeyUseCase } from './revoke-api-key.usecase';

@Module({
  controllers: [ApiKeysController],
  providers: [CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase, AuthenticateApiKeyUseCase],
  exports: [AuthenticateApiKeyUseCase],
})
export class ApiKeysModule {}
