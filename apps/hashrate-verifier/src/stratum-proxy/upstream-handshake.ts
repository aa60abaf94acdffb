import {
  DEFAULT_VERSION_ROLLING_MASK,
  parseStratumLine,
  parseSubscribeResult,
  parseVersionRollingMask,
  type JsonRpcId,
  type StratumMessage,
} from '@hashproof/stratum';
import {
  ConnectionClosedError,
  JsonRpcClient,
  parseStratumUrl,
  type ConnectionOptions,
  type JsonRpcResponse,
  type StratumEndpoint,
} from '@hashproof/stratum-net';
import { PoolFailure } from './pool-failure';
import { type UpstreamPool } from './proxy-contract';

/** The rig mines the last 4 bytes of the pool's extranonce2, so the pool must leave at least that many. */
export const MIN_UPSTREAM_EXTRANONCE2_SIZE = 4;

const USER_AGENT = 'hashproof-verifier/0.1';

export interface UpstreamSession {
  readonly client: JsonRpcClient;
  readonly extranonce1: Buffer;
  readonly extranonce2Size: number;
  /** Negotiated BIP 310 mask; 0 when not asked for or refused. */
  readonly versionRollingMask: number;
}

export interface HandshakeOptions {
  /** Whole handshake (connect, configure, subscribe, authorize) must finish by then (epoch ms). */
  readonly deadlineMs: number;
  /** Ask for version rolling with this mask; null to not configure. */
  readonly versionRollingMask: number | null;
  readonly connection?: ConnectionOptions;
}

/** A pool's call (set_difficulty, notify, …) parsed strictly, as the rig's would be. */
export function parsePoolCall(method: string, params: unknown, id: JsonRpcId): StratumMessage {
  return parseStratumLine(JSON.stringify({ id, method, params }));
}

/**
 * Connects as a miner to the renter's pool with the renter's login. `onCall` sees the pool's calls
 * from the first byte on, since set_difficulty and notify may follow the subscribe reply at once.
 * Every failure is a PoolFailure naming the step.
 */
export async function openUpstream(
  pool: UpstreamPool,
  options: HandshakeOptions,
  onCall: (method: string, params: unknown, id: JsonRpcId) => void,
): Promise<UpstreamSession> {
  const endpoint = parseEndpoint(pool.url);
  const client = await connect(endpoint, options);
  client.on('call', onCall);
  let step = 'configure';
  try {
    const versionRollingMask =
      options.versionRollingMask === null ? 0 : await configure(client, options.versionRollingMask, options);
    step = 'subscribe';
    const subscribed = await client.request('mining.subscribe', [USER_AGENT], remaining(options));
    if (subscribed.error !== null)
      throw new PoolFailure('protocol-error', `subscribe refused: ${describe(subscribed)}`);
    const subscription = parseSubscription(subscribed);
    if (subscription.extranonce2Size < MIN_UPSTREAM_EXTRANONCE2_SIZE) {
      throw new PoolFailure(
        'extranonce2-too-small',
        `extranonce2 size ${subscription.extranonce2Size}, need at least ${MIN_UPSTREAM_EXTRANONCE2_SIZE}`,
      );
    }
    step = 'authorize';
    const authorized = await client.request('mining.authorize', [pool.worker, pool.password], remaining(options));
    if (authorized.result !== true || authorized.error !== null) {
      throw new PoolFailure('refused-worker', `worker ${pool.worker} not authorized: ${describe(authorized)}`);
    }
    return { client, ...subscription, versionRollingMask };
  } catch (error) {
    client.destroy();
    throw asPoolFailure(error, step);
  }
}

function parseEndpoint(url: string): StratumEndpoint {
  try {
    return parseStratumUrl(url);
  } catch (error) {
    throw new PoolFailure('unreachable', messageOf(error));
  }
}

async function connect(endpoint: StratumEndpoint, options: HandshakeOptions): Promise<JsonRpcClient> {
  try {
    return await JsonRpcClient.connect(endpoint, {
      ...options.connection,
      connectTimeoutMs: remaining(options),
      requestTimeoutMs: remaining(options),
    });
  } catch (error) {
    throw new PoolFailure('unreachable', `${endpoint.host}:${endpoint.port}: ${messageOf(error)}`);
  }
}

async function configure(client: JsonRpcClient, mask: number, options: HandshakeOptions): Promise<number> {
  const reply = await client.request(
    'mining.configure',
    [
      ['version-rolling'],
      { 'version-rolling.mask': hex32(mask & DEFAULT_VERSION_ROLLING_MASK), 'version-rolling.min-bit-count': 2 },
    ],
    remaining(options),
  );
  if (reply.error !== null) return 0;
  try {
    return parseVersionRollingMask(reply.result);
  } catch {
    return 0;
  }
}

function parseSubscription(reply: JsonRpcResponse): { extranonce1: Buffer; extranonce2Size: number } {
  try {
    return parseSubscribeResult(reply.result);
  } catch (error) {
    throw new PoolFailure('protocol-error', `subscribe reply: ${messageOf(error)}`);
  }
}

/** A pool that hangs up on the authorize is refusing the worker; anywhere else it breaks the protocol. */
function asPoolFailure(error: unknown, step: string): PoolFailure {
  if (error instanceof PoolFailure) return error;
  if (error instanceof ConnectionClosedError && step === 'authorize') {
    return new PoolFailure('refused-worker', `pool closed the connection on authorize`);
  }
  return new PoolFailure('protocol-error', `${step}: ${messageOf(error)}`);
}

function remaining(options: HandshakeOptions): number {
  return Math.max(1, options.deadlineMs - Date.now());
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function describe(reply: JsonRpcResponse): string {
  return JSON.stringify(reply.error ?? reply.result);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
