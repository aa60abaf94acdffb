import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Account } from './account.entity';
import { RegisterAccountUseCase } from './register-account.usecase';

export type EnsureAdminOutcome = 'created' | 'already-admin';

export class NotAnAdminError extends Error {
  constructor(email: string, role: string) {
    super(`${email} already has an account with role ${role}; refusing to promote it`);
    this.name = 'NotAnAdminError';
  }
}

/**
 * The seed command's work: an admin account for this email, created once. Running it again changes
 * nothing; an existing non-admin account is never promoted, since its password was chosen by whoever signed up.
 */
@Injectable()
export class EnsureAdminUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterAccountUseCase,
  ) {}

  async execute(email: string, password: string): Promise<EnsureAdminOutcome> {
    const existing = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('account')
      .where('lower(account.email) = lower(:email)', { email })
      .getOne();
    if (existing?.role === 'admin') return 'already-admin';
    if (existing) throw new NotAnAdminError(email, existing.role);
    await this.register.execute({ email, password, role: 'admin' });
    return 'created';
  }
}
