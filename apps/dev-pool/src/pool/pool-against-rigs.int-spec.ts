import { estimateHashrate, testClaim } from '@hashproof/hashrate';
import { DEFAULT_VERSION_ROLLING_MASK } from '@hashproof/stratum';
import { DevPool } from './dev-pool';
import { runRig } from '@hashproof/testing';

// Light enough that seven rig processes keep pace on a busy 2-core machine: the test is about verdicts, not speed.
const CLAIM = 5_000;
const RUN_SECONDS = 8;

/** Pool in-process, rigs as real processes (the built CLI): all modes at once against one pool. */
describe('dev-pool against rig-simulator processes on 127.0.0.1', () => {
  jest.setTimeout(30_000);
  const pool = new DevPool({
    host: '127.0.0.1',
    port: 0,
    // 1024 hashes a share: ~5 shares/s at the claim, and vardiff held still for the run.
    startDifficulty: 2 ** -22,
    minDifficulty: 2 ** -22,
    maxDifficulty: 2 ** -22,
    targetSharesPerMinute: 300,
    retargetIntervalMs: 60_000,
    // No new block during the run: a share racing a clean_jobs notify is a legitimate 21 (stale).
    jobIntervalMs: 60_000,
    extranonce2Size: 4,
    nbits: 0x1e00ffff,
    versionRollingMask: DEFAULT_VERSION_ROLLING_MASK,
    connection: {},
  });
  let url = '';

  beforeAll(async () => {
    url = `stratum+tcp://127.0.0.1:${await pool.start()}`;
  });
  afterAll(async () => pool.stop());

  const rig = (worker: string, ...extra: string[]) =>
    runRig(
      [
        '--url',
        url,
        '--worker',
        worker,
        '--hashrate',
        String(CLAIM),
        '--duration-seconds',
        String(RUN_SECONDS),
        ...extra,
      ],
      (RUN_SECONDS + 10) * 1000,
    );
  const poolView = (worker: string) => pool.stats.snapshot().find((snapshot) => snapshot.worker === worker);

  it('credits honest rigs in full and catches every cheat with the conventional code', async () => {
    const [honest, rolling, replay, foreign, invalid, under, flap] = await Promise.all([
      rig('honest.rig'),
      rig('rolling.rig', '--version-rolling'),
      rig('replay.rig', '--cheat', 'replay'),
      rig('foreign.rig', '--cheat', 'foreign-jobs'),
      rig('invalid.rig', '--cheat', 'invalid-nonces'),
      rig('under.rig', '--cheat', 'underdeliver=0.2'),
      rig('flap.rig', '--cheat', 'flap=2'),
    ]);

    for (const [tally, worker] of [
      [honest, 'honest.rig'],
      [rolling, 'rolling.rig'],
    ] as const) {
      expect(tally.accepted).toBeGreaterThan(10);
      expect(tally.rejectedByCode).toEqual({});
      // A 99.99% interval: at 95% an honest rig would miss it in one run of forty, which is a flaky test.
      const view = poolView(worker);
      if (!view) throw new Error(`the pool never saw ${worker}`);
      const estimate = estimateHashrate({ delivered: view.delivered, seconds: view.seconds, confidence: 0.9999 });
      expect(estimate.lower).toBeLessThan(CLAIM);
      expect(estimate.upper).toBeGreaterThan(CLAIM);
    }

    expect(replay.accepted).toBeGreaterThan(10);
    expect(replay.rejectedByCode).toEqual({ 22: replay.accepted });
    expect(foreign.accepted).toBe(0);
    expect(foreign.rejectedByCode[21]).toBeGreaterThan(10);
    expect(invalid.accepted).toBe(0);
    expect(invalid.rejectedByCode[23]).toBeGreaterThan(10);
    expect(under.rejectedByCode).toEqual({}); // every share it sends is real: it just sends too few
    // The shipped one-sided test, at a strict α: ~8 shares where ~39 were claimed cannot pass by chance.
    const underView = poolView('under.rig');
    if (!underView) throw new Error('the pool never saw under.rig');
    const claim = testClaim({
      delivered: underView.delivered,
      seconds: underView.seconds,
      claimedHashrate: CLAIM,
      alpha: 0.001,
    });
    expect(claim.verdict).toBe('under-delivery');
    expect(flap.reconnects).toBeGreaterThanOrEqual(2);
    expect(flap.accepted).toBeGreaterThan(5);
  });
});
