export interface AuthSettings {
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

/** Bound into every access token, so a token minted for another service or audience is refused. */
export const accessTokenIssuer = 'hashproof-gateway';
export const accessTokenAudience = 'hashproof-api';
