import { Logger } from '@nestjs/common';
import type { HostResolver, PoolCheckSettings } from './pool-check-settings';
import { RunPoolCheckUseCase } from './run-pool-check.usecase';

const renter = { id: '0f4e3d2c-1b0a-4987-8654-3210fedcba98', role: 'renter' as const };
const pool = (url: string) => ({ url, worker: 'renter.rig1', password: 'x' });

function useCase(resolve: HostResolver, settings: Partial<PoolCheckSettings> = {}) {
  return new RunPoolCheckUseCase({ timeoutMs: 1_000, allowPrivateAddresses: false, ...settings }, resolve);
}

describe('RunPoolCheckUseCase', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('refuses a host that resolves to a private address, naming it, without connecting', async () => {
    const resolve = jest.fn(async () => ['192.168.1.20']);
    await expect(useCase(resolve).execute(pool('stratum+tcp://pool.lan:3333'), renter)).resolves.toEqual({
      ok: false,
      reason: 'forbidden-address',
      detail: 'pool.lan resolves to 192.168.1.20, which is not a public address',
    });
    expect(resolve).toHaveBeenCalledWith('pool.lan');
  });

  it('refuses a host when any one of its addresses is private', async () => {
    const outcome = await useCase(async () => ['93.184.216.34', '::1']).execute(
      pool('stratum+tcp://rebinding.example:3333'),
      renter,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'forbidden-address', detail: expect.stringContaining('::1') });
  });

  it('refuses IP literals on private networks, IPv6 ones included', async () => {
    const resolveItself: HostResolver = async (host) => [host];
    for (const url of ['stratum+tcp://127.0.0.1:3333', 'stratum+tcp://[fe80::1]:3333', 'stratum+tcp://100.64.1.1:1']) {
      await expect(useCase(resolveItself).execute(pool(url), null)).resolves.toMatchObject({
        reason: 'forbidden-address',
      });
    }
  });

  it('names a host that does not resolve, or not in time, as unreachable', async () => {
    const missing = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    await expect(
      useCase(async () => Promise.reject(missing)).execute(pool('stratum+tcp://nowhere.invalid:3333'), renter),
    ).resolves.toEqual({ ok: false, reason: 'unreachable', detail: 'nowhere.invalid: ENOTFOUND' });
    const never: HostResolver = () => new Promise(() => undefined);
    await expect(
      useCase(never, { timeoutMs: 50 }).execute(pool('stratum+tcp://slow.example:3333'), renter),
    ).resolves.toEqual({ ok: false, reason: 'unreachable', detail: 'slow.example: not resolved in time' });
  });

  it('connects to private addresses when allowed, to the address it resolved', async () => {
    // Nothing listens on port 1 of loopback: the check gets as far as connecting to the resolved address.
    const outcome = await useCase(async () => ['127.0.0.1'], { allowPrivateAddresses: true }).execute(
      pool('stratum+tcp://localhost.test:1'),
      renter,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'unreachable', detail: expect.stringContaining('127.0.0.1:1') });
  });
});
