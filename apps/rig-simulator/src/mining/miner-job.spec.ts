import { parseStratumLine, StratumSession } from '@hashproof/stratum';
import { submitParams } from './found-share';
import { MinerJob } from './miner-job';

// slush's documented coinbase and a made-up branch, sent the way a pool would.
const NOTIFY = {
  id: null,
  method: 'mining.notify',
  params: [
    'j1',
    '4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000',
    '01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff20020862062f503253482f04b8864e5008',
    '072f736c7573682f000000000100f2052a010000001976a914d23fcdf86f7e756a64a7a9688ef9903327048ed988ac00000000',
    ['11'.repeat(32), '22'.repeat(32)],
    '20000000',
    '1c2ac4af',
    '504e86b9',
    true,
  ],
};

function poolSideSession(difficulty: number, mask: number): StratumSession {
  const session = new StratumSession();
  const lines = [
    { id: 1, method: 'mining.configure', params: [['version-rolling'], {}] },
    { id: 2, method: 'mining.subscribe', params: [] },
    { id: 3, method: 'mining.authorize', params: ['w', 'x'] },
  ];
  const replies = [
    {
      id: 1,
      result: { 'version-rolling': mask !== 0, 'version-rolling.mask': mask.toString(16).padStart(8, '0') },
      error: null,
    },
    { id: 2, result: [[], 'f8002c90', 4], error: null },
    { id: 3, result: true, error: null },
    { id: null, method: 'mining.set_difficulty', params: [difficulty] },
    NOTIFY,
  ];
  lines.forEach((line) => session.fromMiner(parseStratumLine(JSON.stringify(line))));
  replies.forEach((line) => session.fromPool(parseStratumLine(JSON.stringify(line))));
  return session;
}

describe('MinerJob', () => {
  const job = parseStratumLine(JSON.stringify(NOTIFY));
  if (job.kind !== 'notify') throw new Error('fixture is not a notify');

  it.each([
    ['without version rolling', 0],
    ['rolling version bits in 1fffe000', 0x1fffe000],
  ])('finds shares at difficulty 2^-16 that the validator accepts (%s)', (_label, mask) => {
    const difficulty = 2 ** -16;
    const miner = new MinerJob(job.job, {
      extranonce1: Buffer.from('f8002c90', 'hex'),
      extranonce2Size: 4,
      difficulty,
      versionRollingMask: mask,
    });
    // 2^16 hashes a share on average: 2^19 tries (deterministic for this job) find several.
    const shares = miner.search(2 ** 19);
    expect(shares.length).toBeGreaterThan(0);
    const session = poolSideSession(difficulty, mask);
    for (const [i, share] of shares.entries()) {
      const submit = { id: 10 + i, method: 'mining.submit', params: submitParams('w', share) };
      expect(session.fromMiner(parseStratumLine(JSON.stringify(submit)))).toMatchObject({ valid: true, reason: null });
    }
  });

  it('makes invalid shares that the validator rejects as low difficulty', () => {
    const miner = new MinerJob(job.job, {
      extranonce1: Buffer.from('f8002c90', 'hex'),
      extranonce2Size: 4,
      difficulty: 2 ** -16,
      versionRollingMask: 0,
    });
    const session = poolSideSession(2 ** -16, 0);
    const submit = { id: 10, method: 'mining.submit', params: submitParams('w', miner.invalidShare()) };
    expect(session.fromMiner(parseStratumLine(JSON.stringify(submit)))).toMatchObject({
      valid: false,
      reason: 'low-difficulty',
    });
  });
});
