import { parseSubscribeResult, parseVersionRollingMask, type SubscribeResult } from '@hashproof/stratum';
import { JsonRpcClient, type StratumEndpoint } from '@hashproof/stratum-net';
import { DEFAULT_VERSION_ROLLING_MASK } from '@hashproof/stratum';

export interface LinkedPool {
  readonly client: JsonRpcClient;
  readonly subscription: SubscribeResult;
  readonly versionRollingMask: number;
}

const USER_AGENT = 'hashproof-rig-simulator/0.1';

/**
 * The miner's handshake: configure (BIP 310, when rolling), subscribe, authorize. `onCall` is
 * attached before the first request, since set_difficulty and notify follow the subscribe reply
 * on the same read.
 */
export async function linkToPool(
  endpoint: StratumEndpoint,
  credentials: { worker: string; password: string; versionRolling: boolean },
  onCall: (client: JsonRpcClient, method: string, params: unknown) => void,
): Promise<LinkedPool> {
  const client = await JsonRpcClient.connect(endpoint);
  client.on('call', (method, params) => onCall(client, method, params));
  try {
    const versionRollingMask = credentials.versionRolling ? await configure(client) : 0;
    const subscribed = await client.request('mining.subscribe', [USER_AGENT]);
    if (subscribed.error !== null) throw new Error(`subscribe refused: ${JSON.stringify(subscribed.error)}`);
    const subscription = parseSubscribeResult(subscribed.result);
    const authorized = await client.request('mining.authorize', [credentials.worker, credentials.password]);
    if (authorized.result !== true) throw new Error(`worker ${credentials.worker} not authorized`);
    return { client, subscription, versionRollingMask };
  } catch (error) {
    client.destroy();
    throw error;
  }
}

async function configure(client: JsonRpcClient): Promise<number> {
  const mask = DEFAULT_VERSION_ROLLING_MASK.toString(16).padStart(8, '0');
  const reply = await client.request('mining.configure', [
    ['version-rolling'],
    { 'version-rolling.mask': mask, 'version-rolling.min-bit-count': 2 },
  ]);
  return reply.error === null ? parseVersionRollingMask(reply.result) : 0;
}
