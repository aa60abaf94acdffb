import { spawnSync } from 'node:child_process';
import path from 'node:path';

const entry = path.resolve(__dirname, '../../../dist/apps/payouts/src/main.js');

function boot(env: Record<string, string>) {
  return spawnSync(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('payouts at boot', () => {
  it('stops with exit 1 and names every missing setting, without a stack trace', () => {
    const result = boot({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('payouts: invalid configuration');
    for (const setting of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL'])
      expect(result.stderr).toContain(`- ${setting}:`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a bad value and leaves good ones alone', () => {
    const result = boot({
      DATABASE_URL: 'postgres://hashproof_payouts@127.0.0.1:5432/hashproof_test',
      KAFKA_BROKERS: '127.0.0.1:9092',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      HTTP_PORT: 'eighty',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'payouts: invalid configuration',
      expect.stringMatching(/^ {2}- HTTP_PORT: /),
    ]);
  });
});
