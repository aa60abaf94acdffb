import { readArray, readHex, readString, readUint32Hex } from './field-readers';
import { type ShareSubmission } from './stratum-message';

export function parseSubmitParams(params: unknown): ShareSubmission {
  const p = readArray(params, 'params', 5);
  const share = {
    worker: readString(p[0], 'worker_name'),
    jobId: readString(p[1], 'job_id'),
    extranonce2: readHex(p[2], 'extranonce2'),
    ntime: readUint32Hex(p[3], 'ntime'),
    nonce: readUint32Hex(p[4], 'nonce'),
  };
  return p[5] === undefined ? share : { ...share, versionBits: readUint32Hex(p[5], 'version_bits') };
}
