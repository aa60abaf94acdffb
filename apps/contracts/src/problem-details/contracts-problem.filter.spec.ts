import { type ArgumentsHost, Logger } from '@nestjs/common';
import { ListingNotFoundError } from '../listings/listing.errors';
import { PayoutAccountNotConnectedError } from '../listings/go-live.errors';
import { PaymentProviderUnavailableError } from '../payout-accounts/payout-account.errors';
import { ContractsProblemFilter } from './contracts-problem.filter';

function respond(exception: unknown) {
  const reply = { status: jest.fn(), header: jest.fn(), send: jest.fn() };
  reply.status.mockReturnValue(reply);
  reply.header.mockReturnValue(reply);
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => ({ id: 'corr-1', url: '/internal/v1/listings/x' }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  new ContractsProblemFilter().catch(exception, host);
  expect(reply.header).toHaveBeenCalledWith('content-type', 'application/problem+json');
  return { status: reply.status.mock.calls[0]?.[0] as number, body: reply.send.mock.calls[0]?.[0] as object };
}

describe('ContractsProblemFilter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers domain errors with their status, type and message, for the gateway to relay', () => {
    expect(respond(new ListingNotFoundError())).toEqual({
      status: 404,
      body: expect.objectContaining({
        type: 'urn:hashproof:problem:listing-not-found',
        status: 404,
        detail: 'no listing with this id is visible to you',
        errorId: expect.any(String),
      }),
    });
    expect(respond(new PayoutAccountNotConnectedError()).body).toMatchObject({
      type: 'urn:hashproof:problem:payout-account-not-connected',
      status: 409,
    });
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(respond(new PaymentProviderUnavailableError()).status).toBe(503);
    expect(log).toHaveBeenCalled();
  });
});
