import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { InvalidRefreshTokenError } from './auth.errors';
import { tokenDigest } from './opaque-token';
import { RefreshToken } from './refresh-token.entity';
import { judgeRefreshToken, type RefreshVerdict } from './refresh-token-rotation';
import { SessionRevocations } from './session-revocations';
import { type SessionTokenPair, SessionTokens } from './session-tokens';

type Outcome =
  | { readonly verdict: 'rotate'; readonly tokens: SessionTokenPair }
  | { readonly verdict: Exclude<RefreshVerdict, 'rotate'> | 'unknown'; readonly sessionId?: string };

/**
 * Refresh: spends the presented token and hands out the session's next pair. Presenting a spent token
 * revokes the whole session. The token row is locked, so two refreshes with one token cannot both rotate.
 */
@Injectable()
export class RotateRefreshTokenUseCase {
  private readonly logger = new Logger(RotateRefreshTokenUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: SessionTokens,
    private readonly revocations: SessionRevocations,
  ) {}

  async execute(presented: string): Promise<SessionTokenPair> {
    const now = new Date();
    // The transaction commits a revocation for reuse before the error is thrown, outside it.
    const outcome = await this.dataSource.transaction(async (transaction): Promise<Outcome> => {
      const token = await transaction.findOne(RefreshToken, {
        where: { tokenHash: tokenDigest(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { verdict: 'unknown' };
      const verdict = judgeRefreshToken(token, now);
      if (verdict === 'reuse') await this.revocations.revoke(transaction, token.familyId, token.accountId, now);
      if (verdict !== 'rotate') return { verdict, sessionId: token.familyId };
      const account = await transaction.findOneByOrFail(Account, { id: token.accountId });
      await transaction.update(RefreshToken, { id: token.id }, { usedAt: now });
      const next = await this.tokens.issue(
        transaction,
        { accountId: account.id, role: account.role },
        token.familyId,
        now,
      );
      return { verdict: 'rotate', tokens: next };
    });
    if (outcome.verdict === 'rotate') return outcome.tokens;
    if (outcome.verdict === 'reuse') {
      this.logger.warn({ sessionId: outcome.sessionId }, 'refresh token reused; session revoked');
    }
    throw new InvalidRefreshTokenError();
  }
}
