import Stripe from 'stripe';
import { parseStandInArguments } from './stand-in-arguments';

describe('parseStandInArguments', () => {
  it('defaults to loopback, port 12111, the SDK API version, no webhook and Stripe test-mode retries', () => {
    expect(parseStandInArguments([], {})).toEqual({
      host: '127.0.0.1',
      port: 12111,
      apiVersion: Stripe.API_VERSION,
      apiKeys: undefined,
      webhook: undefined,
      retry: { maxAttempts: 4, initialDelayMs: 1000, maxDelayMs: 60000, timeoutMs: 10000 },
    });
  });

  it('takes flags over STRIPE_STAND_IN_* variables', () => {
    const config = parseStandInArguments(['--port', '0', '--webhook-url', 'http://127.0.0.1:3000/v1/webhooks/stripe'], {
      STRIPE_STAND_IN_PORT: '9999',
      STRIPE_STAND_IN_WEBHOOK_SECRET: 'whsec_local',
      STRIPE_STAND_IN_API_KEYS: 'sk_test_one, sk_test_two',
    });
    expect(config.port).toBe(0);
    expect(config.webhook).toEqual({ url: 'http://127.0.0.1:3000/v1/webhooks/stripe', secret: 'whsec_local' });
    expect(config.apiKeys).toEqual(['sk_test_one', 'sk_test_two']);
  });

  it('stops on bad values, naming every flag at fault', () => {
    const attempt = () =>
      parseStandInArguments(['--port', '70000', '--webhook-url', 'ftp://x', '--webhook-secret', 'secret'], {});
    expect(attempt).toThrow(
      /--port: .*; --webhook-url: expected an http:\/\/ or https:\/\/ URL; --webhook-secret: expected/,
    );
  });

  it('requires a signing secret with a webhook URL, and test keys only', () => {
    expect(() => parseStandInArguments(['--webhook-url', 'http://127.0.0.1:1/'], {})).toThrow(
      /--webhook-secret: required with --webhook-url/,
    );
    expect(() => parseStandInArguments(['--api-keys', 'sk_live_x'], {})).toThrow(/--api-keys/);
  });

  it('refuses unknown flags', () => {
    expect(() => parseStandInArguments(['--verbose'], {})).toThrow(/Unknown option '--verbose'/);
  });
});
