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

  async isRevoked(sessionId: string): Promise<boolean> {
    return this.dataSource
      .getRepository(RefreshToken)
      .createQueryBuilder('token')
      .where('token.familyId = :sessionId AND token.revokedAt IS NOT NULL', { sessionId })
      .getExists();
  }
}
