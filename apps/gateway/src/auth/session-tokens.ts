import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import type { Role } from '../accounts/role';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { newOpaqueToken, tokenDigest } from './opaque-token';
import { RefreshToken } from './refresh-token.entity';

export interface SessionTokenPair {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshExpiresIn: number;
}

export interface SessionHolder {
  readonly accountId: string;
  readonly role: Role;
}

/** Mints the next token pair of a session: a stored (hashed) refresh token and an access token bound to the session. */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async issue(
    transaction: EntityManager,
    holder: SessionHolder,
    sessionId: string,
    now: Date,
  ): Promise<SessionTokenPair> {
    const refreshToken = newOpaqueToken('hpr_');
    await transaction.insert(RefreshToken, {
      id: randomUUID(),
      tokenHash: tokenDigest(refreshToken),
      familyId: sessionId,
      accountId: holder.accountId,
      expiresAt: new Date(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    // `sid` lets a logout or a detected reuse cut off the session's access tokens before they expire.
    const accessToken = await this.jwt.signAsync(
      { role: holder.role, sid: sessionId },
      { subject: holder.accountId, jwtid: randomUUID() },
    );
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.settings.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresIn: this.settings.refreshTokenTtlSeconds,
    };
  }
}
