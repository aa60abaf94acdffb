import { capacityCheckRequestSchema } from './capacity-check.dto';

const limits = { minSeconds: 900, maxSeconds: 86_400 };
const body = {
  hashrate: '100000000000000',
  durationSeconds: 900,
  pool: { url: 'stratum+tcp://[2001:db8::1]:3333', worker: 'provider.rig1' },
};

function problemsOf(candidate: unknown): string[] {
  const result = capacityCheckRequestSchema(limits).safeParse(candidate);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the capacity-check request', () => {
  it('takes the configured duration bounds and defaults the pool password to x', () => {
    expect(capacityCheckRequestSchema(limits).parse(body).pool.password).toBe('x');
    expect(problemsOf({ ...body, durationSeconds: 899 })).toEqual(['durationSeconds: must be at least 900 seconds']);
    expect(problemsOf({ ...body, durationSeconds: 86_401 })).toEqual([
      'durationSeconds: must be at most 86400 seconds',
    ]);
    expect(problemsOf({ ...body, durationSeconds: 900.5 })).toEqual([expect.stringMatching(/^durationSeconds: /)]);
  });

  it('wants a positive whole hash rate in H/s as a decimal string, exahash rates included', () => {
    expect(problemsOf({ ...body, hashrate: '1000000000000000000000000000000' })).toEqual([]);
    expect(problemsOf({ ...body, hashrate: '0' })).toEqual(['hashrate: must be above 0']);
    for (const hashrate of ['-1', '1.5', '0100', '1e14', 100]) {
      expect(problemsOf({ ...body, hashrate })).toEqual([expect.stringMatching(/^hashrate: /)]);
    }
  });

  it('refuses unknown fields at every level and a pool that is not stratum+tcp://host:port', () => {
    expect(problemsOf({ ...body, extra: 1, pool: { ...body.pool, tls: true } }).sort()).toEqual([
      ': Unrecognized key: "extra"',
      'pool: Unrecognized key: "tls"',
    ]);
    expect(problemsOf({ ...body, pool: { ...body.pool, url: 'stratum+tcp://pool.example.com' } })).toEqual([
      'pool.url: a pool URL like stratum+tcp://host:3333',
    ]);
    expect(problemsOf({ ...body, pool: { ...body.pool, worker: '' } })).toEqual([
      expect.stringMatching(/^pool\.worker: /),
    ]);
  });
});
