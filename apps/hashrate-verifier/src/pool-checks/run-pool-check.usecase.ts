import { lookup } from 'node:dns/promises';
import type { ActingPrincipal } from '@hashproof/runtime';
import { parseStratumUrl, type StratumEndpoint } from '@hashproof/stratum-net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { checkPool } from '../stratum-proxy/pool-check';
import type { UpstreamPool } from '../stratum-proxy/proxy-contract';
import type { PoolCheckOutcome } from './pool-check.dto';
import { isForbiddenPoolAddress } from './pool-address-rule';
import { HOST_RESOLVER, type HostResolver, POOL_CHECK_SETTINGS, type PoolCheckSettings } from './pool-check-settings';

/** Every address the system resolver gives for `host` (an IP address resolves to itself). */
export const resolveHost: HostResolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * A renter's pool checked before a contract is activated: its host must resolve to public addresses
 * only, and the check then connects to the address it judged (not to the name again, which could
 * resolve elsewhere the second time), subscribes, authorizes and waits for a job.
 */
@Injectable()
export class RunPoolCheckUseCase {
  private readonly logger = new Logger('PoolChecks');

  constructor(
    @Inject(POOL_CHECK_SETTINGS) private readonly settings: PoolCheckSettings,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {}

  async execute(pool: UpstreamPool, acting: ActingPrincipal | null): Promise<PoolCheckOutcome> {
    const deadlineMs = Date.now() + this.settings.timeoutMs;
    const outcome = await this.check(pool, deadlineMs);
    this.logger.log({
      msg: 'pool checked',
      actingId: acting?.id ?? null,
      pool: pool.url,
      ok: outcome.ok,
      ...(outcome.ok ? {} : { reason: outcome.reason }),
    });
    return outcome;
  }

  private async check(pool: UpstreamPool, deadlineMs: number): Promise<PoolCheckOutcome> {
    let endpoint: StratumEndpoint;
    try {
      endpoint = parseStratumUrl(pool.url);
    } catch (error) {
      return { ok: false, reason: 'unreachable', detail: (error as Error).message };
    }
    const addresses = await this.addressesOf(endpoint.host, deadlineMs);
    if (typeof addresses === 'string') return { ok: false, reason: 'unreachable', detail: addresses };
    const refused = this.settings.allowPrivateAddresses ? [] : addresses.filter(isForbiddenPoolAddress);
    if (refused.length > 0) {
      return {
        ok: false,
        reason: 'forbidden-address',
        detail: `${endpoint.host} resolves to ${refused.join(', ')}, which is not a public address`,
      };
    }
    const [address] = addresses as [string];
    const pinned = `stratum+tcp://${address.includes(':') ? `[${address}]` : address}:${endpoint.port}`;
    return checkPool({ ...pool, url: pinned }, Math.max(1, deadlineMs - Date.now()));
  }

  /** The host's addresses, or why there are none. */
  private async addressesOf(host: string, deadlineMs: number): Promise<readonly string[] | string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`${host}: not resolved in time`), Math.max(1, deadlineMs - Date.now()));
    });
    try {
      const resolved = await Promise.race([
        this.resolve(host).catch((error: NodeJS.ErrnoException) => `${host}: ${error.code ?? error.message}`),
        timeout,
      ]);
      if (typeof resolved !== 'string' && resolved.length === 0) return `${host}: no addresses`;
      return resolved;
    } finally {
      clearTimeout(timer);
    }
  }
}
