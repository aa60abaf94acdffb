import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKey } from './api-key.entity';

/** The caller's own keys, newest first, revoked ones included so their history stays visible. */
@Injectable()
export class ListApiKeysUseCase {
  constructor(private readonly dataSource: DataSource) {}

  execute(accountId: string): Promise<ApiKey[]> {
    return this.dataSource
      .getRepository(ApiKey)
      .find({ where: { accountId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }
}
