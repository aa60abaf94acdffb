import { JOB_NTIME, JOB_VERSION, smallJobShareHash, smallNotification } from '../testing/small-job';
import { PreparedJob } from './prepared-job';

const extranonce1 = Buffer.from('c0ffee00', 'hex');
const hashOf = (job: PreparedJob, extranonce2: string, nonce: number) =>
  job.hashShare(Buffer.from(extranonce2, 'hex'), JOB_NTIME, nonce, JOB_VERSION);

describe('PreparedJob', () => {
  it('hashes shares like the plain concatenate-and-hash way, share after share', () => {
    const job = new PreparedJob(smallNotification('j'), { extranonce1, extranonce2Size: 4, difficulty: 1 });
    for (const [extranonce2, nonce] of [
      ['00000000', 0],
      ['deadbeef', 0xffffffff],
      ['00000000', 1],
    ] as const)
      expect(hashOf(job, extranonce2, nonce)).toEqual(smallJobShareHash('c0ffee00', extranonce2, JOB_NTIME, nonce));
  });

  it('learns the extranonce2 size from the first share when the subscribe reply was not seen', () => {
    const job = new PreparedJob(smallNotification('j'), { extranonce1, extranonce2Size: null, difficulty: 1 });
    expect(job.extranonce2Size).toBeNull();
    expect(hashOf(job, '0a0b0c', 5)).toEqual(smallJobShareHash('c0ffee00', '0a0b0c', JOB_NTIME, 5));
    expect(job.extranonce2Size).toBe(3);
  });

  it('does not depend on the caller keeping extranonce1 unchanged', () => {
    const mutable = Buffer.from(extranonce1);
    const job = new PreparedJob(smallNotification('j'), { extranonce1: mutable, extranonce2Size: null, difficulty: 1 });
    mutable.fill(0);
    expect(hashOf(job, '01', 9)).toEqual(smallJobShareHash('c0ffee00', '01', JOB_NTIME, 9));
  });

  it('refuses a merkle branch whose hashes are not 32 bytes', () => {
    const notification = { ...smallNotification('j'), merkleBranch: [Buffer.alloc(31)] };
    expect(() => new PreparedJob(notification, { extranonce1, extranonce2Size: 4, difficulty: 1 })).toThrow(RangeError);
  });
});
