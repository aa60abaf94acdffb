import { Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Account } from './account.entity';

/** The caller's own account; gone (deleted since the token was issued) means the caller is no one. */
@Injectable()
export class FindAccountUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(accountId: string): Promise<Account> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: accountId });
    if (!account) throw new UnauthorizedException();
    return account;
  }
}
