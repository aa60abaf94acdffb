import { type ShareSubmission } from '@hashproof/stratum';
import { type UpstreamJobRef } from './rig-job-map';

/** The rig's submit as the pool must see it: its job id, its worker, its full extranonce2. */
export function upstreamSubmitParams(share: ShareSubmission, job: UpstreamJobRef, upstreamWorker: string): string[] {
  const params = [
    upstreamWorker,
    job.upstreamJobId,
    Buffer.concat([job.extranonce2Padding, share.extranonce2]).toString('hex'),
    hex32(share.ntime),
    hex32(share.nonce),
  ];
  if (share.versionBits !== undefined) params.push(hex32(share.versionBits));
  return params;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
