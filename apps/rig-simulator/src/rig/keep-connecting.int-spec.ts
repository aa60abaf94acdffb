import { freePort, runRig, startDevPool, stopProcess } from '@hashproof/testing';

describe('a rig started with --keep-connecting before its pool is up', () => {
  jest.setTimeout(30_000);

  it('keeps trying, then mines once the pool answers', async () => {
    const port = await freePort();
    const tally = runRig(
      [
        ...['--url', `stratum+tcp://127.0.0.1:${port}`, '--worker', 'patient.rig', '--hashrate', '5000'],
        ...['--keep-connecting', '--duration-seconds', '8'],
      ],
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const pool = await startDevPool(port, ['--start-difficulty', '2^-22', '--min-difficulty', '2^-22']);
    try {
      const { accepted, reconnects } = await tally;
      expect(accepted).toBeGreaterThan(0);
      expect(reconnects).toBe(0);
    } finally {
      await stopProcess(pool);
    }
  });

  it('without it, gives up at once with a non-zero exit', async () => {
    const port = await freePort();
    await expect(
      runRig(['--url', `stratum+tcp://127.0.0.1:${port}`, '--duration-seconds', '5'], 10_000),
    ).rejects.toThrow(/rig exited with 2/);
  });
});
