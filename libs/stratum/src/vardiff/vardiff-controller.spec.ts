import { VardiffController } from './vardiff-controller';

const TARGET_PER_MINUTE = 18;
const HASHRATE = 50_000;

/** A miner at HASHRATE simulated in time: Poisson share arrivals at the difficulty in force. */
function simulate(
  startDifficulty: number,
  minutes: number,
  seed = 1,
): { difficulty: number; lastMinuteShares: number } {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) + 0.5) / 2 ** 31;
  const vardiff = new VardiffController(
    {
      targetSharesPerMinute: TARGET_PER_MINUTE,
      minDifficulty: 2 ** -40,
      maxDifficulty: 2 ** 40,
      retargetIntervalMs: 30_000,
    },
    0,
  );
  let difficulty = startDifficulty;
  let nowMs = 0;
  let lastMinuteShares = 0;
  const endMs = minutes * 60_000;
  while (nowMs < endMs) {
    const sharesPerMs = HASHRATE / (difficulty * 2 ** 32) / 1000;
    // Arrivals are memoryless: a gap longer than 5 s is 5 s without a share, then a fresh draw.
    const gapMs = -Math.log(random()) / sharesPerMs;
    nowMs += Math.min(gapMs, 5_000);
    if (gapMs <= 5_000 && nowMs < endMs) {
      vardiff.recordShare();
      if (nowMs > endMs - 60_000) lastMinuteShares++;
    }
    difficulty = vardiff.retarget(difficulty, nowMs) ?? difficulty;
  }
  return { difficulty, lastMinuteShares };
}

describe('VardiffController', () => {
  const ideal = (HASHRATE * 60) / (TARGET_PER_MINUTE * 2 ** 32);

  it.each([
    ['far too easy', 2 ** -36],
    ['far too hard', 2 ** 10],
    ['about right', ideal],
  ])('converges to the target share rate from %s', (_label, start) => {
    const { difficulty } = simulate(start, 30);
    expect(difficulty / ideal).toBeGreaterThan(1 / 2);
    expect(difficulty / ideal).toBeLessThan(2);
  });

  it('retargets early when shares flood in', () => {
    const vardiff = new VardiffController(
      { targetSharesPerMinute: 20, minDifficulty: 1e-9, maxDifficulty: 1e9, retargetIntervalMs: 30_000 },
      0,
    );
    for (let i = 0; i < 40; i++) vardiff.recordShare();
    // 40 shares in 1 s is 2400/min against 20/min: √120 times harder.
    expect(vardiff.retarget(1, 1_000)).toBe(10.95);
  });

  it('stays put inside the dead band and before the window ends', () => {
    const vardiff = new VardiffController(
      { targetSharesPerMinute: 20, minDifficulty: 1e-9, maxDifficulty: 1e9, retargetIntervalMs: 30_000 },
      0,
    );
    for (let i = 0; i < 10; i++) vardiff.recordShare();
    expect(vardiff.retarget(1, 10_000)).toBeNull();
    expect(vardiff.retarget(1, 30_000)).toBeNull();
  });

  it('respects the bounds', () => {
    const vardiff = new VardiffController(
      { targetSharesPerMinute: 20, minDifficulty: 0.5, maxDifficulty: 4, retargetIntervalMs: 1_000 },
      0,
    );
    expect(vardiff.retarget(1, 60_000)).toBe(0.5);
  });
});
