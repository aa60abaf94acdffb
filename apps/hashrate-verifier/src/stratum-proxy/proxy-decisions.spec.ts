import { targetForDifficulty, targetToLittleEndian, type ShareVerdict } from '@hashproof/stratum';
import { shouldForward } from './forwarding-decision';
import { ResentJobDuplicateGuard } from './resent-job-duplicate.guard';
import { RigJobMap } from './rig-job-map';
import { rejectError } from '@hashproof/stratum-net';
import { upstreamSubmitParams } from './upstream-submit';

const poolTarget = targetToLittleEndian(targetForDifficulty(1));
/** A little-endian hash whose top (most significant) bytes make it meet difficulty 1 or not. */
const hash = (meetsDifficultyOne: boolean) => {
  const bytes = Buffer.alloc(32, 0);
  // Difficulty 1 wants the top 32 bits zero.
  if (!meetsDifficultyOne) bytes[28] = 0x01;
  return bytes;
};
const verdict = (overrides: Partial<ShareVerdict>): ShareVerdict => ({
  valid: true,
  reason: null,
  hash: hash(false),
  achievedDifficulty: 0.5,
  assignedDifficulty: 0.25,
  blockCandidate: false,
  ...overrides,
});

describe('forwarding decision', () => {
  it('forwards a valid share that meets the pool target', () => {
    expect(shouldForward(verdict({ hash: hash(true) }), poolTarget)).toBe(true);
  });
  it('keeps a valid share below the pool target', () => {
    expect(shouldForward(verdict({}), poolTarget)).toBe(false);
  });
  it('keeps an invalid share even when its hash would do', () => {
    expect(shouldForward(verdict({ valid: false, reason: 'duplicate', hash: hash(true) }), poolTarget)).toBe(false);
  });
  it('always forwards a block candidate', () => {
    expect(shouldForward(verdict({ valid: false, reason: 'low-difficulty', blockCandidate: true }), poolTarget)).toBe(
      true,
    );
  });
});

describe('rig job ids', () => {
  const ref = (upstreamJobId: string) => ({
    upstreamJobId,
    poolDifficulty: 1,
    poolTarget,
    extranonce2Padding: Buffer.alloc(4),
  });
  it('gives each relayed job a new id and maps it back', () => {
    const map = new RigJobMap(2);
    const first = map.add(ref('a'));
    const again = map.add(ref('a'));
    expect(first).not.toBe(again);
    expect(map.get(again)?.upstreamJobId).toBe('a');
  });
  it('forgets ids beyond its capacity', () => {
    const map = new RigJobMap(2);
    const oldest = map.add(ref('a'));
    map.add(ref('b'));
    map.add(ref('c'));
    expect(map.get(oldest)).toBeUndefined();
  });
  it('builds the upstream submit with the pool worker, job id and full extranonce2', () => {
    const share = {
      worker: 'cred',
      jobId: '1',
      extranonce2: Buffer.from('aabbccdd', 'hex'),
      ntime: 0x65000000,
      nonce: 7,
      versionBits: 0x2000,
    };
    expect(upstreamSubmitParams(share, { ...ref('up-9'), extranonce2Padding: Buffer.alloc(2) }, 'renter.w')).toEqual([
      'renter.w',
      'up-9',
      '0000aabbccdd',
      '65000000',
      '00000007',
      '00002000',
    ]);
  });
});

describe('duplicates across re-sent jobs', () => {
  it('recognises the same work under another rig job id of the same upstream job', () => {
    const guard = new ResentJobDuplicateGuard();
    expect(guard.seenBefore('up-1', hash(true))).toBe(false);
    expect(guard.seenBefore('up-1', hash(true))).toBe(true);
    expect(guard.seenBefore('up-2', hash(true))).toBe(false);
  });
});

describe('reject codes', () => {
  it.each([
    ['unknown-job', 21],
    ['stale', 21],
    ['duplicate', 22],
    ['low-difficulty', 23],
    ['unauthorized', 24],
    ['malformed', 20],
    ['ntime-out-of-range', 20],
    ['bad-version-bits', 20],
  ] as const)('%s → %i', (reason, code) => {
    expect(rejectError(reason)[0]).toBe(code);
  });
});
