import { ConfigValidationError } from '../config-validation.error';
import { loadConfig } from '../load-config';
import { redactConfig } from '../redact';
import { contractsConfigSchema } from './contracts.config';
import { gatewayConfigSchema } from './gateway.config';

const contractsEnv = {
  DATABASE_URL: 'postgres://hashproof_contracts@127.0.0.1:5432/hashproof',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_API_TOKEN: 'x'.repeat(32),
  STRIPE_SECRET_KEY: 'sk_test_local',
};

const gatewayEnv = {
  DATABASE_URL: 'postgres://hashproof_gateway@127.0.0.1:5432/hashproof',
  KAFKA_BROKERS: '127.0.0.1:9092',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  JWT_ACCESS_SECRET: 'j'.repeat(32),
  INTERNAL_API_TOKEN: 'x'.repeat(32),
  STRIPE_WEBHOOK_SECRET: 'whsec_local',
};

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('Stripe settings', () => {
  it('gives contracts a secret key, the real API unless STRIPE_API_URL is set, and a 15-minute payment hold', () => {
    const config = loadConfig('contracts', contractsConfigSchema, contractsEnv);
    expect(config).toMatchObject({ STRIPE_SECRET_KEY: 'sk_test_local', PAYMENT_HOLD_SECONDS: 900 });
    expect(config.STRIPE_API_URL).toBeUndefined();
    expect(redactConfig(contractsConfigSchema, config).STRIPE_SECRET_KEY).toBe('[redacted]');
  });

  it('refuses what is not a secret key, and a live key pointed anywhere but Stripe', () => {
    const load = (env: Record<string, string>) => () => loadConfig('contracts', contractsConfigSchema, env);
    expect(problemsOf(load({ ...contractsEnv, STRIPE_SECRET_KEY: 'pk_test_abc' }))).toEqual([
      'STRIPE_SECRET_KEY: must be a Stripe secret key: sk_test_… or sk_live_…',
    ]);
    expect(
      problemsOf(load({ ...contractsEnv, STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_API_URL: 'http://127.0.0.1:12111' })),
    ).toEqual(['STRIPE_API_URL: must be unset with a live key (sk_live_…)']);
    expect(() => load({ ...contractsEnv, STRIPE_SECRET_KEY: 'sk_live_abc' })()).not.toThrow();
  });

  it('requires the gateway’s webhook signing secret and keeps it secret', () => {
    const { STRIPE_WEBHOOK_SECRET: _, ...withoutSecret } = gatewayEnv;
    expect(problemsOf(() => loadConfig('gateway', gatewayConfigSchema, withoutSecret))).toEqual([
      expect.stringMatching(/^STRIPE_WEBHOOK_SECRET: /),
    ]);
    expect(
      problemsOf(() => loadConfig('gateway', gatewayConfigSchema, { ...gatewayEnv, STRIPE_WEBHOOK_SECRET: 'abc' })),
    ).toEqual(['STRIPE_WEBHOOK_SECRET: must be a Stripe webhook signing secret: whsec_…']);
    const config = loadConfig('gateway', gatewayConfigSchema, gatewayEnv);
    expect(redactConfig(gatewayConfigSchema, config).STRIPE_WEBHOOK_SECRET).toBe('[redacted]');
  });
});
