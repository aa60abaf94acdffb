import { Block, crypto } from 'bitcoinjs-lib';
import { prevhashToHeaderOrder } from '@hashproof/stratum';
import { type TypicalJob } from './typical-job';

/** The straightforward way: concatenate, hash with bitcoinjs-lib, fill a Block and ask for its hash. */
export function referenceShareHash(job: TypicalJob, extranonce2: Buffer, ntime: number, nonce: number): Uint8Array {
  let node = crypto.hash256(Buffer.concat([job.coinb1, job.extranonce1, extranonce2, job.coinb2]));
  for (const sibling of job.merkleBranch) node = crypto.hash256(Buffer.concat([node, sibling]));
  const block = new Block();
  block.version = job.version;
  block.prevHash = prevhashToHeaderOrder(job.prevhash);
  block.merkleRoot = node;
  block.timestamp = ntime;
  block.bits = job.nbits;
  block.nonce = nonce;
  return block.getHash();
}
