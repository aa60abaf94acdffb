import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type SessionHolder, type SessionTokenPair, SessionTokens } from './session-tokens';

/** Login: a new session (refresh-token family) for an account whose credentials were just checked. */
@Injectable()
export class StartSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: SessionTokens,
  ) {}

  execute(holder: SessionHolder): Promise<SessionTokenPair> {
    return this.dataSource.transaction((transaction) =>
      this.tokens.issue(transaction, holder, randomUUID(), new Date()),
    );
  }
}
