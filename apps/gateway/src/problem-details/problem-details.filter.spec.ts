import type { ArgumentsHost } from '@nestjs/common';
import { ForbiddenException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { DomainError } from './domain-error';
import { ProblemDetailsFilter } from './problem-details.filter';

class ListingGoneError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'listing-not-found';
}

function respond(exception: unknown) {
  const reply = { status: jest.fn(), header: jest.fn(), send: jest.fn() };
  reply.status.mockReturnValue(reply);
  reply.header.mockReturnValue(reply);
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => ({ id: 'corr-1', url: '/v1/things?x=1' }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  expect(reply.header).toHaveBeenCalledWith('content-type', 'application/problem+json');
  return {
    status: reply.status.mock.calls[0]?.[0] as number,
    body: reply.send.mock.calls[0]?.[0] as Record<string, unknown>,
  };
}

describe('ProblemDetailsFilter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hides the cause of a 500 from the caller and logs it under the errorId it returns', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const failure = new Error('password column missing');
    const { status, body } = respond(failure);
    expect(status).toBe(500);
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: expect.not.stringContaining('password'),
      instance: '/v1/things?x=1',
      errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ errorId: body.errorId, correlationId: 'corr-1', err: failure }),
    );
  });

  it('lists each field of a validation failure, unknown fields by name', () => {
    const result = z.strictObject({ email: z.email(), nested: z.strictObject({ n: z.number() }) }).safeParse({
      email: 'nope',
      nested: { n: 1, extra: true },
      admin: true,
    });
    const { status, body } = respond(new ZodValidationException(result.error));
    expect(status).toBe(400);
    expect(body).toMatchObject({ type: 'urn:hashproof:problem:validation', title: 'Bad Request' });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: expect.any(String) },
        { field: 'nested.extra', message: 'unknown field' },
        { field: 'admin', message: 'unknown field' },
      ]),
    );
  });

  it('maps domain errors by kind and keeps their message and type', () => {
    const { status, body } = respond(new ListingGoneError('no such listing'));
    expect(status).toBe(404);
    expect(body).toMatchObject({ type: 'urn:hashproof:problem:listing-not-found', detail: 'no such listing' });
  });

  it('keeps the status and message of HTTP exceptions, 429 included', () => {
    expect(respond(new ForbiddenException('your role may not do this'))).toMatchObject({
      status: 403,
      body: { type: 'about:blank', title: 'Forbidden', detail: 'your role may not do this' },
    });
    expect(respond(new ThrottlerException('slow down')).body).toMatchObject({ status: 429, detail: 'slow down' });
  });
});
