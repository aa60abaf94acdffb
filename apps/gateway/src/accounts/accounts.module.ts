import { Module } from '@nestjs/common';
import { AdminAccountsController } from './admin-accounts.controller';
import { EnsureAdminUseCase } from './ensure-admin.usecase';
import { FindAccountUseCase } from './find-account.usecase';
import { ListAccountsUseCase } from './list-accounts.usecase';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher';
import { RegisterAccountUseCase } from './register-account.usecase';
import { VerifyCredentialsUseCase } from './verify-credentials.usecase';

@Module({
  controllers: [MeController, AdminAccountsController],
  providers: [
    PasswordHasher,
    RegisterAccountUseCase,
    VerifyCredentialsUseCase,
    FindAccountUseCase,
    ListAccountsUseCase,
    EnsureAdminUseCase,
  ],
  exports: [RegisterAccountUseCase, VerifyCredentialsUseCase, EnsureAdminUseCase],
})
export class AccountsModule {}
