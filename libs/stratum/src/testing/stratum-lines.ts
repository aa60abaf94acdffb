/** Builders of raw Stratum V1 lines, as pools and miners put them on the wire. */
export interface NotifyFields {
  readonly jobId: string;
  readonly prevhash: string;
  readonly coinb1: string;
  readonly coinb2: string;
  readonly merkleBranch: readonly string[];
  readonly version: string;
  readonly nbits: string;
  readonly ntime: string;
  readonly cleanJobs: boolean;
}

export function notifyLine(job: NotifyFields): string {
  const params = [
    job.jobId,
    job.prevhash,
    job.coinb1,
    job.coinb2,
    job.merkleBranch,
    job.version,
    job.nbits,
    job.ntime,
    job.cleanJobs,
  ];
  return JSON.stringify({ id: null, method: 'mining.notify', params });
}

export function submitLine(
  id: number,
  worker: string,
  jobId: string,
  extranonce2: string,
  ntime: string,
  nonce: string,
  versionBits?: string,
): string {
  const params = [worker, jobId, extranonce2, ntime, nonce, ...(versionBits === undefined ? [] : [versionBits])];
  return JSON.stringify({ id, method: 'mining.submit', params });
}

export const subscribeRequest = (id: number) =>
  JSON.stringify({ id, method: 'mining.subscribe', params: ['test/1.0'] });
export const subscribeReply = (id: number, extranonce1: string, extranonce2Size: number) =>
  JSON.stringify({
    id,
    result: [[['mining.notify', 'ae6812eb4cd7735a302a8a9dd95cf71f']], extranonce1, extranonce2Size],
    error: null,
  });
export const configureRequest = (id: number, mask: string) =>
  JSON.stringify({
    id,
    method: 'mining.configure',
    params: [['version-rolling'], { 'version-rolling.mask': mask, 'version-rolling.min-bit-count': 2 }],
  });
export const configureReply = (id: number, mask: string) =>
  JSON.stringify({ id, result: { 'version-rolling': true, 'version-rolling.mask': mask }, error: null });
export const authorizeRequest = (id: number, worker: string) =>
  JSON.stringify({ id, method: 'mining.authorize', params: [worker, 'x'] });
export const setDifficultyLine = (difficulty: number) =>
  JSON.stringify({ id: null, method: 'mining.set_difficulty', params: [difficulty] });
export const hex32 = (value: number) => (value >>> 0).toString(16).padStart(8, '0');

/** Explorer-order prevhash → the notify form: the 8-hex-digit words in reverse order. */
export function explorerToStratumPrevhash(explorerHex: string): string {
  return (explorerHex.match(/.{8}/g) ?? []).reverse().join('');
}
export const setExtranonceLine = (extranonce1: string, extranonce2Size: number) =>
  JSON.stringify({ id: null, method: 'mining.set_extranonce', params: [extranonce1, extranonce2Size] });
