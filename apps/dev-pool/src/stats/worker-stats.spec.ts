import { WorkerStats } from './worker-stats';

describe('WorkerStats', () => {
  it('measures the estimate over the time the worker was connected, across reconnects', () => {
    const stats = new WorkerStats('alice.rig1');
    stats.connected(0);
    stats.disconnected(10_000);
    stats.connected(20_000);
    stats.connected(21_000);
    stats.disconnected(25_000);
    expect(stats.snapshot(28_000, 1).seconds).toBe(18);
    stats.disconnected(30_000);
    expect(stats.snapshot(100_000, 1).seconds).toBe(20);
  });

  it('estimates from assigned difficulty, not from idle time after the rig left', () => {
    const stats = new WorkerStats('alice.rig1');
    stats.connected(0);
    for (let i = 0; i < 100; i += 1) stats.accept(1, false);
    stats.disconnected(100_000);
    const estimate = stats.snapshot(1_000_000, 1).estimate;
    expect(estimate?.estimatedHashrate).toBeCloseTo((100 * 2 ** 32) / 100, 0);
  });
});
