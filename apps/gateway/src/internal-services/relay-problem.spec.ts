import { type InternalApiClient, InternalServiceUnavailableError } from '@hashproof/runtime';
import { RelayedProblem } from '../problem-details/relayed-problem';
import { relayedProblem, requestOrRelay } from './relay-problem';

const validation = {
  type: 'urn:hashproof:problem:validation',
  title: 'Bad Request',
  status: 400,
  detail: 'the request does not match its schema',
  instance: '/internal/v1/pool-checks',
  errorId: '7d0c1a52-8a1e-4f7b-9f61-2c1d3e4f5a6b',
  errors: [{ field: 'url', message: 'a pool URL like stratum+tcp://host:3333' }],
};

const clientAnswering = (answer: () => Promise<{ status: number; body: unknown }>) =>
  ({ service: 'hashrate-verifier', request: jest.fn(answer) }) as unknown as InternalApiClient;

describe('relaying internal answers', () => {
  it('passes a 4xx problem on with its status, type, detail and field errors', () => {
    const relayed = relayedProblem('hashrate-verifier', { status: 400, body: validation });
    expect(relayed.problem).toEqual({
      type: validation.type,
      title: 'Bad Request',
      status: 400,
      detail: validation.detail,
      errors: validation.errors,
    });
    const notFound = { type: 'urn:hashproof:problem:listing-not-found', title: 'Not Found', status: 404, detail: 'no' };
    expect(relayedProblem('contracts', { status: 404, body: notFound }).problem).toEqual(notFound);
  });

  it('turns a 5xx, a refused internal token and an answer that is no problem into a 503', () => {
    for (const answer of [
      { status: 500, body: { ...validation, status: 500, type: 'about:blank' } },
      { status: 401, body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'token' } },
      { status: 404, body: { statusCode: 404, message: 'Cannot POST /internal/v1/nothing' } },
      { status: 409, body: 'conflict' },
    ]) {
      const relayed = relayedProblem('contracts', answer);
      expect(relayed.problem).toEqual({
        type: 'urn:hashproof:problem:service-unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'the contracts service is unavailable; try again later',
      });
      expect(relayed.message).toContain(`contracts answered ${answer.status}`);
    }
  });

  it('returns 2xx answers and throws the rest as relayed problems', async () => {
    await expect(
      requestOrRelay(
        clientAnswering(async () => ({ status: 200, body: { ok: true } })),
        { method: 'GET', path: '/x' },
      ),
    ).resolves.toEqual({ status: 200, body: { ok: true } });
    await expect(
      requestOrRelay(
        clientAnswering(async () => ({ status: 400, body: validation })),
        { method: 'GET', path: '/x' },
      ),
    ).rejects.toMatchObject({ problem: { status: 400, type: validation.type } });
  });

  it('turns no answer at all into a 503 naming the service, keeping the cause', async () => {
    const down = new InternalServiceUnavailableError('hashrate-verifier', 'no answer within 35000 ms');
    const failure = requestOrRelay(
      clientAnswering(() => Promise.reject(down)),
      { method: 'POST', path: '/internal/v1/pool-checks' },
    );
    await expect(failure).rejects.toBeInstanceOf(RelayedProblem);
    await expect(failure).rejects.toMatchObject({
      problem: { status: 503, detail: 'the hashrate-verifier service is unavailable; try again later' },
      cause: down,
    });
  });
});
