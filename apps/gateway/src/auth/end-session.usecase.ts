import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SessionRevocations } from './session-revocations';

/** Logout: the session's refresh tokens are revoked and its access tokens are refused from now on. */
@Injectable()
export class EndSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revocations: SessionRevocations,
  ) {}

  async execute(accountId: string, sessionId: string): Promise<void> {
    await this.dataSource.transaction((transaction) =>
      this.revocations.revoke(transaction, sessionId, accountId, new Date()),
    );
  }
}
