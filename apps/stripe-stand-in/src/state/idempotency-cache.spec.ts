import { IDEMPOTENCY_KEY_LIFETIME_MS, IdempotencyCache } from './idempotency-cache';

const response = { statusCode: 200, json: '{"id":"pi_1"}', requestId: 'req_first' };

describe('IdempotencyCache', () => {
  let now = 1_000_000;
  const cache = () => new IdempotencyCache(() => now);

  it('replays the saved response for the same key, endpoint and parameters, whatever their order', () => {
    const idempotency = cache();
    expect(idempotency.lookup('sk_test_a', 'k', '/v1/payment_intents', { amount: '1' })).toEqual({ kind: 'new' });
    idempotency.save('sk_test_a', 'k', '/v1/payment_intents', { amount: '1', currency: 'usd' }, response);
    expect(idempotency.lookup('sk_test_a', 'k', '/v1/payment_intents', { currency: 'usd', amount: '1' })).toEqual({
      kind: 'replay',
      response,
    });
  });

  it('tells other parameters and another endpoint apart', () => {
    const idempotency = cache();
    idempotency.save('sk_test_a', 'k', '/v1/payment_intents', { amount: '1' }, response);
    expect(idempotency.lookup('sk_test_a', 'k', '/v1/payment_intents', { amount: '2' })).toEqual({
      kind: 'parameters-differ',
    });
    expect(idempotency.lookup('sk_test_a', 'k', '/v1/refunds', { amount: '1' })).toEqual({
      kind: 'endpoint-differs',
      firstEndpoint: '/v1/payment_intents',
    });
  });

  it('keeps keys apart per API key', () => {
    const idempotency = cache();
    idempotency.save('sk_test_a', 'k', '/v1/payment_intents', { amount: '1' }, response);
    expect(idempotency.lookup('sk_test_b', 'k', '/v1/payment_intents', { amount: '2' })).toEqual({ kind: 'new' });
  });

  it('forgets a key after 24 hours, so that it starts a new request', () => {
    const idempotency = cache();
    idempotency.save('sk_test_a', 'k', '/v1/payment_intents', { amount: '1' }, response);
    now += IDEMPOTENCY_KEY_LIFETIME_MS - 1;
    expect(idempotency.lookup('sk_test_a', 'k', '/v1/payment_intents', { amount: '1' }).kind).toBe('replay');
    now += 1;
    expect(idempotency.lookup('sk_test_a', 'k', '/v1/payment_intents', { amount: '2' })).toEqual({ kind: 'new' });
  });
});
