import { DEFAULT_DIFFICULTY } from '@hashproof/stratum';
import { PoolFailure, type PoolFailureReason } from './pool-failure';
import { type UpstreamPool } from './proxy-contract';
import { openUpstream, parsePoolCall } from './upstream-handshake';

export type PoolCheckResult =
  | { readonly ok: true; readonly extranonce2Size: number; readonly difficulty: number }
  | { readonly ok: false; readonly reason: PoolFailureReason; readonly detail: string };

/**
 * Before a contract is activated: can the renter's pool be mined to with the renter's login?
 * Connects, subscribes, authorizes, checks there is room for the rig's extranonce2 and waits for a
 * job, all within `timeoutMs`.
 */
export async function checkPool(pool: UpstreamPool, timeoutMs: number): Promise<PoolCheckResult> {
  const deadlineMs = Date.now() + timeoutMs;
  let difficulty = DEFAULT_DIFFICULTY;
  let jobSeen: () => void = () => undefined;
  let protocolError: (error: PoolFailure) => void = () => undefined;
  const firstJob = new Promise<void>((resolve, reject) => {
    jobSeen = resolve;
    protocolError = reject;
  });
  firstJob.catch(() => undefined);
  let session;
  try {
    session = await openUpstream(pool, { deadlineMs, versionRollingMask: null }, (method, params, id) => {
      try {
        const message = parsePoolCall(method, params, id);
        if (message.kind === 'set-difficulty') difficulty = message.difficulty;
        if (message.kind === 'notify') jobSeen();
      } catch (error) {
        protocolError(new PoolFailure('protocol-error', `${method}: ${(error as Error).message}`));
      }
    });
  } catch (error) {
    if (error instanceof PoolFailure) return { ok: false, reason: error.reason, detail: error.detail };
    throw error;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadlineMs - Date.now()));
    });
    const outcome = await Promise.race([firstJob.then(() => 'job' as const), deadline]);
    if (outcome === 'timeout') {
      return { ok: false, reason: 'no-notify', detail: `no mining.notify within ${timeoutMs} ms` };
    }
    return { ok: true, extranonce2Size: session.extranonce2Size, difficulty };
  } catch (error) {
    if (error instanceof PoolFailure) return { ok: false, reason: error.reason, detail: error.detail };
    throw error;
  } finally {
    clearTimeout(timer);
    session.client.close();
  }
}
