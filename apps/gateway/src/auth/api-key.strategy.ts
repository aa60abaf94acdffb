import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import { AuthenticateApiKeyUseCase } from '../api-keys/authenticate-api-key.usecase';
import type { Principal } from './principal';

type Verify = (key: string, done: (error: unknown, principal?: Principal | false) => void) => void;

/** The key from `Authorization: ApiKey <key>` or `x-api-key: <key>`, if the request carries one. */
export function apiKeyFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const scheme = /^ApiKey\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (scheme) return scheme[1];
  const header = headers['x-api-key'];
  return typeof header === 'string' && header.length > 0 ? header : undefined;
}

/** Passport ships no strategy for a key in a header; this is the whole of one. */
class HeaderApiKeyStrategy extends passport.Strategy {
  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(request: { headers: IncomingHttpHeaders }): void {
    const key = apiKeyFromHeaders(request.headers);
    if (!key) return this.fail(401);
    this.verify(key, (error, principal) => {
      if (error) this.error(error);
      else if (principal) this.success(principal);
      else this.fail(401);
    });
  }
}

/** API keys for programmatic clients (e.g. providers automating listings); a revoked key is refused. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderApiKeyStrategy, 'api-key') {
  constructor(private readonly apiKeys: AuthenticateApiKeyUseCase) {
    super();
  }

  async validate(key: string): Promise<Principal | false> {
    return (await this.apiKeys.execute(key)) ?? false;
  }
}
