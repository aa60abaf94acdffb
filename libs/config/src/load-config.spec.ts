import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';
import { redactConfig } from './redact';
import { payoutsConfigSchema } from './services/payouts.config';

const validEnv = {
  DATABASE_URL: 'postgres://hashproof_payouts@127.0.0.1:5432/hashproof',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig('payouts', payoutsConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('parses a valid environment into typed settings with defaults', () => {
    const config = loadConfig('payouts', payoutsConfigSchema, { ...validEnv, HTTP_PORT: '4000' });
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
    expect(config.HTTP_PORT).toBe(4000);
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(15_000);
    expect(config.KAFKA_SSL).toBe(false);
  });

  it('names every missing required setting', () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.split(':')[0])).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL']);
  });

  it('treats an empty value as missing', () => {
    expect(problemsOf({ ...validEnv, REDIS_URL: ' ' })).toEqual([expect.stringMatching(/^REDIS_URL: /)]);
  });

  it('names a bad value and says what is expected', () => {
    const problems = problemsOf({ ...validEnv, HTTP_PORT: '70000', DATABASE_URL: 'mysql://x@y/z' });
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\/ URL/),
      expect.stringMatching(/^HTTP_PORT: /),
    ]);
  });

  it('requires SASL credentials only when a mechanism is set', () => {
    expect(problemsOf({ ...validEnv, KAFKA_SASL_MECHANISM: 'plain' })).toEqual([
      'KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM is set',
      'KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is set',
    ]);
  });

  it('redacts secrets when the config is shown', () => {
    const config = loadConfig('payouts', payoutsConfigSchema, validEnv);
    const shown = redactConfig(payoutsConfigSchema, config);
    expect(shown.DATABASE_URL).toBe('[redacted]');
    expect(shown.REDIS_URL).toBe('[redacted]');
    expect(shown.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
  });
});
