import { buildHeader, prevhashToHeaderOrder } from '../pow/header';
import { merkleRootFromBranch } from '../pow/merkle';
import { sha256d } from '../pow/sha256d';
import { type JobNotification } from '../protocol/stratum-message';
import { hex32, notifyLine } from './stratum-lines';

const PREVHASH = '4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000';
const COINB1 =
  '01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff20020862062f503253482f04b8864e5008';
const COINB2 = '072f736c7573682f000000000100f2052a010000001976a914d23fcdf86f7e756a64a7a9688ef9903327048ed988ac00000000';
const BRANCH = ['11'.repeat(32), '22'.repeat(32), '33'.repeat(32)];
export const JOB_VERSION = 0x20000000;
export const JOB_NTIME = 0x504e86b9;
const NBITS = 0x1c2ac4af;

/** slush's documented coinbase with a made-up 3-deep branch: small, fixed, and easy to hash by hand. */
export function smallNotifyLine(jobId: string, cleanJobs = false): string {
  return notifyLine({
    jobId,
    prevhash: PREVHASH,
    coinb1: COINB1,
    coinb2: COINB2,
    merkleBranch: BRANCH,
    version: hex32(JOB_VERSION),
    nbits: hex32(NBITS),
    ntime: hex32(JOB_NTIME),
    cleanJobs,
  });
}

export function smallNotification(jobId: string, cleanJobs = false): JobNotification {
  return {
    jobId,
    prevhash: Buffer.from(PREVHASH, 'hex'),
    coinb1: Buffer.from(COINB1, 'hex'),
    coinb2: Buffer.from(COINB2, 'hex'),
    merkleBranch: BRANCH.map((hash) => Buffer.from(hash, 'hex')),
    version: JOB_VERSION,
    nbits: NBITS,
    ntime: JOB_NTIME,
    cleanJobs,
  };
}

/** The header hash of a share on the small job, the plain way (node:crypto, whole buffers). */
export function smallJobShareHash(
  extranonce1: string,
  extranonce2: string,
  ntime: number,
  nonce: number,
  version = JOB_VERSION,
): Buffer {
  const coinbase = Buffer.from(COINB1 + extranonce1 + extranonce2 + COINB2, 'hex');
  const branch = BRANCH.map((hash) => Buffer.from(hash, 'hex'));
  const merkleRoot = merkleRootFromBranch(sha256d(coinbase), branch);
  const prevhash = prevhashToHeaderOrder(Buffer.from(PREVHASH, 'hex'));
  return sha256d(buildHeader({ version, prevhash, merkleRoot, ntime, nbits: NBITS, nonce }));
}
