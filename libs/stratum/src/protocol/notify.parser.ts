import { readArray, readBoolean, readHex, readString, readUint32Hex } from './field-readers';
import { type JobNotification } from './stratum-message';

export function parseNotifyParams(params: unknown): JobNotification {
  const p = readArray(params, 'params', 9);
  return {
    jobId: readString(p[0], 'job_id'),
    prevhash: readHex(p[1], 'prevhash', 32),
    coinb1: readHex(p[2], 'coinb1'),
    coinb2: readHex(p[3], 'coinb2'),
    merkleBranch: readArray(p[4], 'merkle_branch').map((hash, i) => readHex(hash, `merkle_branch[${i}]`, 32)),
    version: readUint32Hex(p[5], 'version'),
    nbits: readUint32Hex(p[6], 'nbits'),
    ntime: readUint32Hex(p[7], 'ntime'),
    cleanJobs: readBoolean(p[8], 'clean_jobs'),
  };
}
