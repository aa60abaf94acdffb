import type { ExecutionContext } from '@nestjs/common';
import { type ActingPrincipal, encodeActingPrincipal, INTERNAL_PRINCIPAL_HEADER } from './acting-principal';
import { ACTING_PRINCIPAL, type GuardedRequest, InternalApiGuard } from './internal-api.guard';
import { InternalApiProblem } from './internal-api.problem';

const token = 'a'.repeat(24) + 'internal-token-for-tests';
const renter: ActingPrincipal = { id: '0b7f7d3e-8a55-4c38-9d0e-2f6f1b6c9a01', role: 'renter' };

function contextFor(headers: GuardedRequest['headers']): { context: ExecutionContext; request: GuardedRequest } {
  const request: GuardedRequest = { headers };
  const context = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

/** The guard's verdict: true, or the status and problem of what it threw. */
function admit(headers: GuardedRequest['headers'], configured: string | undefined = token) {
  const { context, request } = contextFor(headers);
  try {
    return { admitted: new InternalApiGuard({ token: configured }).canActivate(context), request };
  } catch (error) {
    if (!(error instanceof InternalApiProblem)) throw error;
    return { status: error.getStatus(), problem: error.getResponse() as Record<string, unknown>, request };
  }
}

describe('InternalApiGuard', () => {
  it('refuses a call without the token with a 401 problem', () => {
    expect(admit({})).toMatchObject({
      status: 401,
      problem: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: expect.stringContaining('Bearer') },
    });
  });

  it('refuses a wrong token, whatever its length, and a token sent under another scheme', () => {
    for (const authorization of [
      `Bearer ${token.slice(0, -1)}x`,
      'Bearer short',
      `Bearer ${token}${token}`,
      `Basic ${token}`,
      token,
    ]) {
      expect(admit({ authorization }).status).toBe(401);
    }
  });

  it('refuses every call when the service has no token configured', () => {
    expect(admit({ authorization: 'Bearer undefined' }, undefined).status).toBe(401);
  });

  it('admits the right token, acting for nobody when no principal is named', () => {
    const { admitted, request } = admit({ authorization: `Bearer ${token}` });
    expect(admitted).toBe(true);
    expect(request[ACTING_PRINCIPAL]).toBeNull();
  });

  it('admits the right token with a principal, which it decodes for @Acting()', () => {
    const { admitted, request } = admit({
      authorization: `bearer ${token}`,
      [INTERNAL_PRINCIPAL_HEADER]: encodeActingPrincipal(renter),
    });
    expect(admitted).toBe(true);
    expect(request[ACTING_PRINCIPAL]).toEqual(renter);
  });

  it('answers 400 to a malformed principal header', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const malformed of [
      'not base64url!',
      Buffer.from('{"id":').toString('base64url'),
      encode({ id: renter.id, role: 'root' }),
      encode({ id: 'not-a-uuid', role: 'renter' }),
      encode({ ...renter, admin: true }),
      encode([renter]),
      ['a', 'b'],
    ]) {
      expect(admit({ authorization: `Bearer ${token}`, [INTERNAL_PRINCIPAL_HEADER]: malformed })).toMatchObject({
        status: 400,
        problem: { type: 'urn:hashproof:problem:invalid-principal', status: 400 },
      });
    }
  });

  it('checks the token before the principal', () => {
    expect(admit({ [INTERNAL_PRINCIPAL_HEADER]: 'garbage!' }).status).toBe(401);
  });
});
