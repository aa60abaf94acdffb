import { StripeApiError } from '../stripe-error';
import { apiKeyOf, redacted } from './authentication';

const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString('base64')}`;

function statusOf(action: () => unknown): number {
  try {
    action();
  } catch (error) {
    if (error instanceof StripeApiError) return error.statusCode;
    throw error;
  }
  return 200;
}

describe('apiKeyOf', () => {
  it('takes a test key as Bearer token or as Basic user name', () => {
    expect(apiKeyOf('Bearer sk_test_abc', undefined)).toBe('sk_test_abc');
    expect(apiKeyOf(basic('rk_test_abc'), undefined)).toBe('rk_test_abc');
  });

  it('answers 401 without a key, with a live or malformed key, or with a key not on the list', () => {
    expect(statusOf(() => apiKeyOf(undefined, undefined))).toBe(401);
    expect(statusOf(() => apiKeyOf('Bearer ', undefined))).toBe(401);
    expect(statusOf(() => apiKeyOf('Bearer sk_live_abc', undefined))).toBe(401);
    expect(statusOf(() => apiKeyOf('Bearer pk_test_abc', undefined))).toBe(401);
    expect(statusOf(() => apiKeyOf('Bearer sk_test_other', new Set(['sk_test_known'])))).toBe(401);
    expect(apiKeyOf('Bearer sk_test_known', new Set(['sk_test_known']))).toBe('sk_test_known');
  });
});

describe('redacted', () => {
  it('quotes a key as Stripe does: prefix and last four characters', () => {
    expect(redacted('sk_test_4eC39HqLyjWDarjtT1zdp7dc')).toBe('sk_test_********************p7dc');
    expect(redacted('tok_18yhEG2HOTeld56yB6VTrPKP')).toBe('tok_********************rPKP');
    expect(redacted('undefined')).toBe('*****ined');
  });
});
