import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { z } from 'zod';
import { roles } from '../accounts/role';
import { accessTokenAudience, accessTokenIssuer } from './auth-settings';
import type { Principal } from './principal';
import { SessionRevocations } from './session-revocations';

export const ACCESS_TOKEN_SECRET = Symbol('ACCESS_TOKEN_SECRET');

const claims = z.object({ sub: z.uuid(), role: z.enum(roles), sid: z.uuid(), jti: z.uuid() });

/** `Authorization: Bearer <access token>`: signature, expiry, issuer and audience, then the session must be live. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(ACCESS_TOKEN_SECRET) secret: KeyObject,
    private readonly revocations: SessionRevocations,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: given a string, jsonwebtoken first tries it as a public key (which throws)
      // and then derives a secret key from it, on every verification, ~0.3 ms a request. passport-jwt passes the
      // key to jsonwebtoken as it is; its typings predate key objects.
      secretOrKey: secret as unknown as Buffer,
      // Pinned, so a token cannot pick its own algorithm ("none", or RS256 with the secret as a public key).
      algorithms: ['HS256'],
      issuer: accessTokenIssuer,
      audience: accessTokenAudience,
      ignoreExpiration: false,
    });
  }

  async validate(payload: unknown): Promise<Principal | false> {
    const parsed = claims.safeParse(payload);
    if (!parsed.success || (await this.revocations.isRevoked(parsed.data.sid))) return false;
    return { accountId: parsed.data.sub, role: parsed.data.role, via: 'access-token', sessionId: parsed.data.sid };
  }
}
