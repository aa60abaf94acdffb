import type { Logger } from '@nestjs/common';

export interface PollerOptions {
  readonly intervalMs: number;
  /** One run; it should return early once `stopping` is aborted, e.g. between the items of a batch. */
  readonly run: (stopping: AbortSignal) => Promise<void>;
  readonly logger: Logger;
  /** What the run does, for the warning when it fails: "closing windows" → "closing windows failed; will retry". */
  readonly doing: string;
}

/**
 * Runs a task on a fixed beat, one run at a time: the next run is scheduled when the last one has finished, so
 * a slow dependency (a database under load, an unreachable Stripe) never builds a queue of runs. Stopping
 * aborts the run in flight at its next check and waits only for that one run.
 */
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(): void {
    if (this.stopping.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.current = this.runOnce().finally(() => this.schedule());
    }, this.options.intervalMs);
  }

  private async runOnce(): Promise<void> {
    try {
      await this.options.run(this.stopping.signal);
    } catch (error) {
      this.options.logger.warn({
        msg: `${this.options.doing} failed; will retry`,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
