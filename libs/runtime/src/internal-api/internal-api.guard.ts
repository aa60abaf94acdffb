import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { type ActingPrincipal, decodeActingPrincipal, INTERNAL_PRINCIPAL_HEADER } from './acting-principal';
import { InternalApiProblem } from './internal-api.problem';
import { INTERNAL_API_SETTINGS, type InternalApiSettings } from './internal-api.settings';

/** Where the guard leaves the acting principal for @Acting(): null when the call names none. */
export const ACTING_PRINCIPAL = Symbol('hashproof:acting-principal');

export interface GuardedRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  [ACTING_PRINCIPAL]?: ActingPrincipal | null;
}

/**
 * Admits only the other hashproof services: `Authorization: Bearer <INTERNAL_API_TOKEN>`, else 401. A
 * principal header, when present, must be a well-formed principal (else 400); @Acting() then returns it.
 */
@Injectable()
export class InternalApiGuard implements CanActivate {
  /** Digests, so the comparison takes the same time whatever the presented token's length. */
  private readonly expected: Buffer | null;

  constructor(@Inject(INTERNAL_API_SETTINGS) settings: InternalApiSettings) {
    this.expected = settings.token ? digest(settings.token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return false;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (!this.admits(request.headers.authorization)) {
      throw new InternalApiProblem(401, undefined, 'internal calls need Authorization: Bearer <INTERNAL_API_TOKEN>');
    }
    request[ACTING_PRINCIPAL] = actingPrincipalOf(request.headers[INTERNAL_PRINCIPAL_HEADER]);
    return true;
  }

  private admits(authorization: string | string[] | undefined): boolean {
    const token = typeof authorization === 'string' ? /^Bearer +(\S+)$/i.exec(authorization)?.[1] : undefined;
    if (!this.expected || token === undefined) return false;
    return timingSafeEqual(digest(token), this.expected);
  }
}

function actingPrincipalOf(header: string | string[] | undefined): ActingPrincipal | null {
  if (header === undefined) return null;
  const principal = typeof header === 'string' ? decodeActingPrincipal(header) : null;
  if (!principal) {
    throw new InternalApiProblem(
      400,
      'invalid-principal',
      `${INTERNAL_PRINCIPAL_HEADER} must be base64url-encoded JSON {"id":"<uuid>","role":"renter|provider|admin"}`,
    );
  }
  return principal;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
