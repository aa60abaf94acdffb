import { drive } from '../testing/session-driver';
import { JOB_NTIME, smallJobShareHash, smallNotifyLine } from '../testing/small-job';
import {
  authorizeRequest,
  hex32,
  setDifficultyLine,
  setExtranonceLine,
  submitLine,
  subscribeReply,
  subscribeRequest,
} from '../testing/stratum-lines';
import { StratumSession } from './stratum-session';

const ntime = hex32(JOB_NTIME);
const opening = [
  ['miner', subscribeRequest(1)],
  ['pool', subscribeReply(1, 'aaaaaaaa', 4)],
  ['miner', authorizeRequest(2, 'rig')],
] as const;

describe('what a job carries from the moment it was sent', () => {
  it('credits each share at the difficulty in force when its job was sent, not at the latest one', () => {
    const verdicts = drive(new StratumSession(), [
      ...opening,
      ['pool', setDifficultyLine(2 ** -20)],
      ['pool', smallNotifyLine('old')],
      ['pool', setDifficultyLine(2 ** -10)],
      ['pool', smallNotifyLine('new')],
      ['miner', submitLine(3, 'rig', 'old', '00000001', ntime, '00000001')],
      ['miner', submitLine(4, 'rig', 'new', '00000001', ntime, '00000001')],
    ]);
    expect(verdicts.map((verdict) => verdict.assignedDifficulty)).toEqual([2 ** -20, 2 ** -10]);
  });

  it('applies mining.set_extranonce to later jobs only', () => {
    const verdicts = drive(new StratumSession(), [
      ...opening,
      ['pool', smallNotifyLine('before')],
      ['pool', setExtranonceLine('bbbbbb', 2)],
      ['pool', smallNotifyLine('after')],
      ['miner', submitLine(3, 'rig', 'before', '01020304', ntime, '0000abcd')],
      ['miner', submitLine(4, 'rig', 'after', '0102', ntime, '0000abcd')],
      ['miner', submitLine(5, 'rig', 'after', '01020304', ntime, '0000abcd')],
    ]);
    expect(verdicts[0]?.hash).toEqual(smallJobShareHash('aaaaaaaa', '01020304', JOB_NTIME, 0xabcd));
    expect(verdicts[1]?.hash).toEqual(smallJobShareHash('bbbbbb', '0102', JOB_NTIME, 0xabcd));
    expect(verdicts[2]).toMatchObject({ valid: false, reason: 'malformed' });
  });
});
