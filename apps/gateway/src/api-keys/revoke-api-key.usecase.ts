import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../problem-details/domain-error';
import { ApiKey } from './api-key.entity';

/** Also the answer for another account's key: whether a key id exists elsewhere is not the caller's business. */
export class ApiKeyNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'api-key-not-found';

  constructor() {
    super('no such API key');
  }
}

/** Revokes one of the caller's own keys; revoking it again is a no-op. */
@Injectable()
export class RevokeApiKeyUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(accountId: string, apiKeyId: string): Promise<void> {
    const keys = this.dataSource.getRepository(ApiKey);
    const key = await keys.findOneBy({ id: apiKeyId, accountId });
    if (!key) throw new ApiKeyNotFoundError();
    if (key.revokedAt === null) await keys.update({ id: key.id, accountId }, { revokedAt: new Date() });
  }
}
