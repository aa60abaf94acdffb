import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { Account } from './account.entity';
import { EmailTakenError, WeakPasswordError } from './account.errors';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import type { Role } from './role';

export interface RegisterAccountCommand {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
}

const uniqueViolation = '23505';

/** Creates an account with a hashed password; the role is whatever the caller (sign-up or seed) allows. */
@Injectable()
export class RegisterAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: RegisterAccountCommand): Promise<Account> {
    const problem = passwordProblem(command.password);
    if (problem) throw new WeakPasswordError(problem);
    const account = this.dataSource.getRepository(Account).create({
      id: randomUUID(),
      email: command.email,
      passwordHash: await this.hasher.hash(command.password),
      role: command.role,
    });
    try {
      return await this.dataSource.getRepository(Account).save(account);
    } catch (error) {
      // The unique index on lower(email) decides, so two concurrent sign-ups cannot both win.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === uniqueViolation) {
        throw new EmailTakenError();
      }
      throw error;
    }
  }
}
