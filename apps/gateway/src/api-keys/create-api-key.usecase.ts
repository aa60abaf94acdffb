import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newOpaqueToken, tokenDigest } from '../auth/opaque-token';
import { ApiKey } from './api-key.entity';

const displayedPrefixLength = 12;

/** A new key for the caller's own account; the plaintext key exists only in the returned value. */
@Injectable()
export class CreateApiKeyUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(accountId: string, name: string): Promise<{ apiKey: ApiKey; key: string }> {
    const key = newOpaqueToken('hpk_');
    const apiKey = await this.dataSource.getRepository(ApiKey).save(
      this.dataSource.getRepository(ApiKey).create({
        id: randomUUID(),
        accountId,
        name,
        prefix: key.slice(0, displayedPrefixLength),
        keyHash: tokenDigest(key),
        revokedAt: null,
      }),
    );
    return { apiKey, key };
  }
}
