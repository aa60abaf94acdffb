import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { VerifyCredentialsUseCase } from '../accounts/verify-credentials.usecase';
import type { Principal } from './principal';

/** Email and password, checked against the stored scrypt hash; a mismatch is a plain 401. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly credentials: VerifyCredentialsUseCase) {
    super({ usernameField: 'email', passwordField: 'password', session: false });
  }

  async validate(email: string, password: string): Promise<Principal | false> {
    const account = await this.credentials.execute(email, password);
    return account ? { accountId: account.id, role: account.role, via: 'password' } : false;
  }
}
