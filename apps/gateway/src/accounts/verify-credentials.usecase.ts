import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Account } from './account.entity';
import { PasswordHasher } from './password-hasher';

/** The account whose email and password these are, or null; both failure cases cost the same time. */
@Injectable()
export class VerifyCredentialsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(email: string, password: string): Promise<Account | null> {
    const account = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('account')
      .where('lower(account.email) = lower(:email)', { email })
      .getOne();
    if (!account) return this.hasher.verifyDecoy(password).then(() => null);
    return (await this.hasher.verify(password, account.passwordHash)) ? account : null;
  }
}
