import { Logger } from '@nestjs/common';
import { Poller } from './poller';

interface ControlledRun {
  readonly signal: AbortSignal;
  finish(): void;
  fail(error: Error): void;
}

/** A poller whose runs wait until the test finishes them, so beats and runs can be counted exactly. */
function controlledPoller(intervalMs: number) {
  const runs: ControlledRun[] = [];
  const logger = new Logger('test');
  const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  const poller = new Poller({
    intervalMs,
    logger,
    doing: 'testing',
    run: (signal) =>
      new Promise<void>((resolve, reject) => {
        runs.push({ signal, finish: resolve, fail: reject });
      }),
  });
  return { poller, runs, warn };
}

describe('Poller', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once per beat while runs are quick', async () => {
    const { poller, runs } = controlledPoller(100);
    poller.start();
    for (let beat = 1; beat <= 3; beat += 1) {
      await jest.advanceTimersByTimeAsync(100);
      expect(runs).toHaveLength(beat);
      runs[beat - 1]?.finish();
      await Promise.resolve();
    }
    await poller.stop();
  });

  it('skips the beats that find a run still busy instead of queueing them', async () => {
    const { poller, runs } = controlledPoller(100);
    poller.start();
    await jest.advanceTimersByTimeAsync(100);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(1);

    runs[0]?.finish();
    await jest.advanceTimersByTimeAsync(99);
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(2);
    runs[1]?.finish();
    await jest.advanceTimersByTimeAsync(99);
    expect(runs).toHaveLength(2);
    await poller.stop();
  });

  it('on stop, aborts the run in flight, waits for it alone, and runs no more', async () => {
    const { poller, runs } = controlledPoller(100);
    poller.start();
    await jest.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));

    expect(runs[0]?.signal.aborted).toBe(true);
    await Promise.resolve();
    expect(stopped).toBe(false);
    runs[0]?.finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(1);
  });

  it('keeps its beat after a failed run, and says what failed', async () => {
    const { poller, runs, warn } = controlledPoller(100);
    poller.start();
    await jest.advanceTimersByTimeAsync(100);
    runs[0]?.fail(new Error('database unreachable'));
    await jest.advanceTimersByTimeAsync(100);

    expect(warn).toHaveBeenCalledWith({ msg: 'testing failed; will retry', reason: 'database unreachable' });
    expect(runs).toHaveLength(2);
    runs[1]?.finish();
    await poller.stop();
  });
});
