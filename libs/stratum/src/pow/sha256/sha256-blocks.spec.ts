import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { INITIAL_STATE, SCHEDULE_WORDS } from './sha256-constants';
import { compressBlocks, digestOf, padMessage } from './sha256-blocks';

function inProcessSha256(message: Uint8Array): string {
  const padded = padMessage(message);
  const state = Int32Array.from(INITIAL_STATE);
  compressBlocks(state, padded, 0, padded.length / 64, new Int32Array(SCHEDULE_WORDS));
  return digestOf(state).toString('hex');
}

const nodeSha256 = (message: Uint8Array) => createHash('sha256').update(message).digest('hex');

describe('in-process SHA-256 (compression, schedule, padding)', () => {
  // FIPS 180-4 examples (NIST CSRC "SHA-256" example values) and the classic million-'a' vector.
  it.each([
    ['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['the empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    [
      'the 448-bit message',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['one million "a"', 'a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('gives the published digest of %s, as node:crypto does', (_name, text, published) => {
    const message = Buffer.from(text, 'latin1');
    expect(inProcessSha256(message)).toBe(published);
    expect(nodeSha256(message)).toBe(published);
  });

  it('agrees with node:crypto on random messages of every length around the block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (message) => {
        expect(inProcessSha256(message)).toBe(nodeSha256(message));
      }),
      { seed: 180_4, numRuns: 600 },
    );
  });

  it('pads to whole blocks, leaving room for 0x80 and the 64-bit length', () => {
    expect(padMessage(new Uint8Array(55))).toHaveLength(64);
    expect(padMessage(new Uint8Array(56))).toHaveLength(128);
    expect(padMessage(new Uint8Array(64))).toHaveLength(128);
    expect(padMessage(new Uint8Array(55)).subarray(55)).toEqual(Buffer.from('80' + '00000000000001b8', 'hex')); // 440 bits
  });

  it('continues from a midstate: compressing the blocks in two runs equals one run', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 400 }), fc.nat(), (message, cut) => {
        const padded = padMessage(message);
        const blocks = padded.length / 64;
        const split = cut % (blocks + 1);
        const w = new Int32Array(SCHEDULE_WORDS);
        const midstate = Int32Array.from(INITIAL_STATE);
        compressBlocks(midstate, padded, 0, split, w);
        compressBlocks(midstate, padded, split, blocks, w);
        expect(digestOf(midstate).toString('hex')).toBe(nodeSha256(message));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
