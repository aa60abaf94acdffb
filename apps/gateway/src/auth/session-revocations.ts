import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

/** A session ends by revoking its whole refresh-token family; access tokens carrying its id stop working too. */
@Injectable()
export class SessionRevocations {
  constructor(private readonly dataSource: DataSource) {}

  async revoke(transaction: EntityManager, sessionId: string, accountId: string, now: Date): Promise<void> {
    await transaction.update(RefreshToken, { familyId: sessionId, accountId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Asked on every request with an access token: plain SQL, without building a query each time. */
  async isRevoked(sessionId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ revoked: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM "refresh_tokens" WHERE "family_id" = $1 AND "revoked_at" IS NOT NULL) AS revoked`,
      [sessionId],
    );
    return row?.revoked === true;
  }
}
