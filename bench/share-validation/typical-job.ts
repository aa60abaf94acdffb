import { randomBytes } from 'node:crypto';

/** A realistic job: ~250-byte coinbase (4+4 bytes of extranonce) and a 12-deep merkle branch (~4,000 txs). */
export function typicalJob() {
  return {
    jobId: 'bench',
    prevhash: randomBytes(32),
    coinb1: Buffer.concat([
      Buffer.from('01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff', 'hex'),
      randomBytes(60),
    ]),
    coinb2: Buffer.concat([randomBytes(40), Buffer.from('ffffffff02', 'hex'), randomBytes(90)]),
    extranonce1: randomBytes(4),
    extranonce2Size: 4,
    merkleBranch: Array.from({ length: 12 }, () => randomBytes(32)),
    version: 0x20000000,
    nbits: 0x17029a8a,
    ntime: 0x679ac169,
    cleanJobs: true,
  };
}

export type TypicalJob = ReturnType<typeof typicalJob>;
