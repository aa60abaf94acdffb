import fc from 'fast-check';
import { buildHeader } from '../header';
import { merkleRootFromBranch } from '../merkle';
import { sha256, sha256d } from '../sha256d';
import { CoinbaseHasher } from './coinbase-hasher';
import { foldMerkleBranch, hashDigestAgain, hashHeader } from './fixed-length-sha256d';
import { littleEndianField } from './header-words';
import { digestOf, wordsOf } from './sha256-blocks';

const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length }).map((a) => Buffer.from(a));
const uint32 = fc.nat({ max: 0xffffffff });

describe('fixed-length double SHA-256 on words, against node:crypto', () => {
  it('hashes a digest again: SHA-256 of the 32 bytes the state holds', () => {
    fc.assert(
      fc.property(bytes(32), (digest) => {
        const state = wordsOf(digest);
        hashDigestAgain(state);
        expect(digestOf(state)).toEqual(sha256(digest));
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('folds a merkle branch to the same root as merkleRootFromBranch', () => {
    fc.assert(
      fc.property(bytes(32), fc.array(bytes(32), { maxLength: 14 }), (txid, branch) => {
        const node = wordsOf(txid);
        foldMerkleBranch(node, wordsOf(Buffer.concat(branch)));
        expect(digestOf(node)).toEqual(merkleRootFromBranch(txid, branch));
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it('hashes an 80-byte header given as words to the same hash as the header bytes', () => {
    fc.assert(
      fc.property(
        bytes(32),
        bytes(32),
        uint32,
        uint32,
        uint32,
        uint32,
        (prevhash, merkleRoot, version, ntime, nbits, nonce) => {
          const bytesOfHeader = buildHeader({ version, prevhash, merkleRoot, ntime, nbits, nonce });
          const words = wordsOf(bytesOfHeader);
          expect(words[0]).toBe(littleEndianField(version));
          expect(words[19]).toBe(littleEndianField(nonce));
          const state = new Int32Array(8);
          hashHeader(state, words);
          expect(digestOf(state)).toEqual(sha256d(bytesOfHeader));
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('hashes coinbases from the midstate to the same txid as the whole coinbase, wherever extranonce2 falls', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 0, max: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (before, extranonce2Size, after, extranonce2Seeds) => {
          const hasher = new CoinbaseHasher(before, extranonce2Size, after);
          const txid = new Int32Array(8);
          for (const seed of extranonce2Seeds) {
            const extranonce2 = Buffer.alloc(extranonce2Size, seed % 256);
            hasher.txid(extranonce2, txid);
            expect(digestOf(txid)).toEqual(sha256d(Buffer.concat([before, extranonce2, after])));
          }
        },
      ),
      { seed: 4, numRuns: 300 },
    );
  });
});
