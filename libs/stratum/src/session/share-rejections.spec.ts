import { drive } from '../testing/session-driver';
import { JOB_NTIME, JOB_VERSION, smallJobShareHash, smallNotifyLine } from '../testing/small-job';
import {
  authorizeRequest,
  configureReply,
  configureRequest,
  hex32,
  setDifficultyLine,
  submitLine,
  subscribeReply,
  subscribeRequest,
} from '../testing/stratum-lines';
import { rollVersion } from '../pow/version-rolling';
import { MAX_NTIME_ROLL_SECONDS } from './share-validator';
import { StratumSession } from './stratum-session';

const MASK = 0x1fffe000;
// Difficulty 2^-32 accepts all but one hash in 65,536, so verdicts below turn on the rule under test.
const rollingSession = [
  ['miner', configureRequest(1, hex32(MASK))],
  ['pool', configureReply(1, hex32(MASK))],
  ['miner', subscribeRequest(2)],
  ['pool', subscribeReply(2, 'aaaaaaaa', 4)],
  ['miner', authorizeRequest(3, 'rig')],
  ['pool', setDifficultyLine(2 ** -32)],
  ['pool', smallNotifyLine('j1', true)],
] as const;
const submit = (id: number, nonce: string, options: { jobId?: string; ntime?: number; versionBits?: number } = {}) =>
  [
    'miner',
    submitLine(
      id,
      'rig',
      options.jobId ?? 'j1',
      '00000001',
      hex32(options.ntime ?? JOB_NTIME),
      nonce,
      options.versionBits === undefined ? undefined : hex32(options.versionBits),
    ),
  ] as const;
const reasons = (lines: readonly (readonly ['miner' | 'pool', string])[]) =>
  drive(new StratumSession(), [...rollingSession, ...lines]).map((verdict) => verdict.reason);

describe('share rejections', () => {
  it('accepts the plain share these cases start from, with the hash computed the plain way', () => {
    const [verdict] = drive(new StratumSession(), [
      ...rollingSession,
      submit(10, '00000007', { versionBits: 0x00002000 }),
    ]);
    expect(verdict).toMatchObject({ valid: true, reason: null });
    const version = rollVersion(JOB_VERSION, 0x00002000, MASK);
    expect(verdict?.hash).toEqual(smallJobShareHash('aaaaaaaa', '00000001', JOB_NTIME, 7, version));
  });

  it('flags the same job, extranonce2, ntime, nonce and version as duplicate', () => {
    expect(
      reasons([submit(10, '00000007', { versionBits: 0x2000 }), submit(11, '00000007', { versionBits: 0x2000 })]),
    ).toEqual([null, 'duplicate']);
    expect(reasons([submit(10, '00000007'), submit(11, '00000007')])).toEqual([null, 'duplicate']);
  });

  it('does not flag shares that differ only in their version bits', () => {
    expect(
      reasons([submit(10, '00000007', { versionBits: 0x2000 }), submit(11, '00000007', { versionBits: 0x4000 })]),
    ).toEqual([null, null]);
  });

  it('treats omitted version bits as the job version: same share as explicit zero bits', () => {
    expect(reasons([submit(10, '00000007'), submit(11, '00000007', { versionBits: 0 })])).toEqual([null, 'duplicate']);
  });

  it('rejects version bits outside the negotiated mask, and any bits when rolling was not negotiated', () => {
    expect(reasons([submit(10, '00000007', { versionBits: 0x00001000 })])).toEqual(['bad-version-bits']);
    expect(reasons([submit(10, '00000007', { versionBits: 0x20000000 })])).toEqual(['bad-version-bits']);
    const unnegotiated = drive(new StratumSession(), [
      ...rollingSession.slice(2),
      submit(10, '00000007', { versionBits: 0x2000 }),
    ]);
    expect(unnegotiated.map((verdict) => verdict.reason)).toEqual(['bad-version-bits']);
  });

  it('rejects ntime before the job ntime or more than two hours after it', () => {
    expect(
      reasons([
        submit(10, '00000001', { ntime: JOB_NTIME - 1 }),
        submit(11, '00000002', { ntime: JOB_NTIME + MAX_NTIME_ROLL_SECONDS + 1 }),
        submit(12, '00000003', { ntime: JOB_NTIME + MAX_NTIME_ROLL_SECONDS }),
        submit(13, '00000004', { ntime: JOB_NTIME }),
      ]),
    ).toEqual(['ntime-out-of-range', 'ntime-out-of-range', null, null]);
  });

  it('tells a share for a retired job (stale) from one for a job never sent (unknown-job)', () => {
    expect(
      reasons([['pool', smallNotifyLine('j2', true)], submit(10, '00000001'), submit(11, '00000001', { jobId: 'j9' })]),
    ).toEqual(['stale', 'unknown-job']);
  });
});
