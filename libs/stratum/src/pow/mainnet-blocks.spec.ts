import { Transaction } from 'bitcoinjs-lib';
import { BLOCK_100000, BLOCK_881423 } from '../testing/fixtures/mainnet-blocks';
import { drive } from '../testing/session-driver';
import {
  authorizeRequest,
  configureReply,
  configureRequest,
  explorerToStratumPrevhash,
  hex32,
  notifyLine,
  setDifficultyLine,
  submitLine,
  subscribeReply,
  subscribeRequest,
} from '../testing/stratum-lines';
import { StratumSession } from '../session/stratum-session';
import { toExplorerHex } from './header';
import { coinbaseMerkleBranch, merkleRootFromBranch } from './merkle';
import { sha256d } from './sha256d';

/** Stratum hashes the coinbase without its witness (the txid, not the wtxid). */
function nonWitnessCoinbase(hex: string): string {
  const tx = Transaction.fromHex(hex);
  for (const input of tx.ins) input.witness = [];
  return tx.toHex();
}

function split(coinbase: string, extranonceStart: number, extranonce1Size: number, extranonce2Size: number) {
  const at = (bytes: number) => bytes * 2;
  return {
    coinb1: coinbase.slice(0, at(extranonceStart)),
    extranonce1: coinbase.slice(at(extranonceStart), at(extranonceStart + extranonce1Size)),
    extranonce2: coinbase.slice(
      at(extranonceStart + extranonce1Size),
      at(extranonceStart + extranonce1Size + extranonce2Size),
    ),
    coinb2: coinbase.slice(at(extranonceStart + extranonce1Size + extranonce2Size)),
  };
}

describe('real mainnet blocks rebuilt from stratum jobs', () => {
  it('block 100,000 (pre-segwit): branch from the real txids, header hash = published hash', () => {
    const block = BLOCK_100000;
    const txids = block.txids.map((txid) => Buffer.from(txid, 'hex').reverse());
    expect(toExplorerHex(sha256d(Buffer.from(block.coinbaseHex, 'hex')))).toBe(block.txids[0]);
    const branch = coinbaseMerkleBranch(txids);
    expect(toExplorerHex(merkleRootFromBranch(txids[0] as Buffer, branch))).toBe(block.merkleRoot);

    // scriptSig 04 4c86041b | 02 | 0602: one byte of extranonce1, two of extranonce2.
    const parts = split(block.coinbaseHex, 47, 1, 2);
    const verdicts = drive(new StratumSession(), [
      ['miner', subscribeRequest(1)],
      ['pool', subscribeReply(1, parts.extranonce1, 2)],
      ['miner', authorizeRequest(2, 'rig.1')],
      ['pool', setDifficultyLine(0.5)],
      [
        'pool',
        notifyLine({
          jobId: 'b100000',
          prevhash: explorerToStratumPrevhash(block.prevhash),
          coinb1: parts.coinb1,
          coinb2: parts.coinb2,
          merkleBranch: branch.map((b) => b.toString('hex')),
          version: hex32(block.version),
          nbits: hex32(block.nbits),
          ntime: hex32(block.ntime),
          cleanJobs: true,
        }),
      ],
      ['miner', submitLine(3, 'rig.1', 'b100000', parts.extranonce2, hex32(block.ntime), hex32(block.nonce))],
    ]);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ valid: true, reason: null, blockCandidate: true, assignedDifficulty: 0.5 });
    expect(toExplorerHex(verdicts[0]?.hash as Buffer)).toBe(block.hash);
  });

  const block = BLOCK_881423;
  const coinbase = nonWitnessCoinbase(block.coinbaseHex);
  const parts = split(coinbase, 52, 4, 4);

  function jobFor(version: number) {
    return notifyLine({
      jobId: 'telehash',
      prevhash: explorerToStratumPrevhash(block.prevhash),
      coinb1: parts.coinb1,
      coinb2: parts.coinb2,
      merkleBranch: block.merkleBranch,
      version: hex32(version),
      nbits: hex32(block.nbits),
      ntime: hex32(block.ntime),
      cleanJobs: true,
    });
  }

  it('block 881,423 (segwit): the non-witness coinbase and the published branch give the real hash', () => {
    expect(coinbase.length).toBeLessThan(block.coinbaseHex.length);
    const txid = sha256d(Buffer.from(coinbase, 'hex'));
    const branch = block.merkleBranch.map((hash) => Buffer.from(hash, 'hex'));
    expect(toExplorerHex(merkleRootFromBranch(txid, branch))).toBe(block.merkleRoot);

    const verdicts = drive(new StratumSession(), [
      ['miner', subscribeRequest(1)],
      ['pool', subscribeReply(1, parts.extranonce1, 4)],
      ['miner', authorizeRequest(2, 'telehash.worker')],
      ['pool', setDifficultyLine(65536)],
      ['pool', jobFor(block.version)],
      [
        'miner',
        submitLine(3, 'telehash.worker', 'telehash', parts.extranonce2, hex32(block.ntime), hex32(block.nonce)),
      ],
    ]);
    expect(verdicts[0]).toMatchObject({ valid: true, blockCandidate: true });
    expect(toExplorerHex(verdicts[0]?.hash as Buffer)).toBe(block.hash);
  });

  it('block 881,423 (BIP 310): job version 0x20000000 + rolled bits 0x0e596000 under mask 0x1fffe000', () => {
    const rolledBits = (block.version & 0x1fffe000) >>> 0;
    expect(rolledBits).toBe(0x0e596000);
    const verdicts = drive(new StratumSession(), [
      ['miner', configureRequest(1, '1fffe000')],
      ['pool', configureReply(1, '1fffe000')],
      ['miner', subscribeRequest(2)],
      ['pool', subscribeReply(2, parts.extranonce1, 4)],
      ['miner', authorizeRequest(3, 'telehash.worker')],
      ['pool', jobFor(0x20000000)],
      [
        'miner',
        submitLine(
          4,
          'telehash.worker',
          'telehash',
          parts.extranonce2,
          hex32(block.ntime),
          hex32(block.nonce),
          hex32(rolledBits),
        ),
      ],
      [
        'miner',
        submitLine(
          5,
          'telehash.worker',
          'telehash',
          parts.extranonce2,
          hex32(block.ntime),
          hex32(block.nonce),
          hex32(rolledBits | 0x40000000),
        ),
      ],
    ]);
    expect(verdicts[0]).toMatchObject({ valid: true, reason: null, blockCandidate: true });
    expect(toExplorerHex(verdicts[0]?.hash as Buffer)).toBe(block.hash);
    expect(verdicts[1]).toMatchObject({ valid: false, reason: 'bad-version-bits' });
  });
});
