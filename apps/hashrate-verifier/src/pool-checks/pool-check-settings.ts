/** The verifier's pool-check settings, from its config. */
export interface PoolCheckSettings {
  /** Resolution, handshake and the first job must all happen within this. */
  readonly timeoutMs: number;
  /** Local runs and tests only: lets checks reach loopback, private and link-local addresses. */
  readonly allowPrivateAddresses: boolean;
}

export const POOL_CHECK_SETTINGS = Symbol('POOL_CHECK_SETTINGS');

/** Every address a pool's host name resolves to. */
export type HostResolver = (host: string) => Promise<readonly string[]>;

export const HOST_RESOLVER = Symbol('HOST_RESOLVER');
