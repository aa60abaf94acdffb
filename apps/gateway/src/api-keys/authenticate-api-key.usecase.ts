import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity';
import type { Role } from '../accounts/role';
import { tokenDigest } from '../auth/opaque-token';
import type { Principal } from '../auth/principal';
import { ApiKey } from './api-key.entity';

/** The principal behind a live (unrevoked) API key, acting with its account's current role. */
@Injectable()
export class AuthenticateApiKeyUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(key: string): Promise<Principal | undefined> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select(['key.id AS "apiKeyId"', 'account.id AS "accountId"', 'account.role AS "role"'])
      .from(ApiKey, 'key')
      .innerJoin(Account, 'account', 'account.id = key.accountId')
      .where('key.keyHash = :hash AND key.revokedAt IS NULL', { hash: tokenDigest(key) })
      .getRawOne<{ apiKeyId: string; accountId: string; role: Role }>();
    return row ? { accountId: row.accountId, role: row.role, via: 'api-key', apiKeyId: row.apiKeyId } : undefined;
  }
}
