import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Poller } from './poller';

export interface PollingServiceOptions {
  readonly name: string;
  readonly intervalMs: number;
  /** What a run does, for the warning when it fails, e.g. "closing windows". */
  readonly doing: string;
}

/** A service that does its work on a fixed beat from bootstrap to shutdown, one run at a time (see Poller). */
export abstract class PollingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly poller: Poller;

  protected constructor(options: PollingServiceOptions) {
    this.logger = new Logger(options.name);
    this.poller = new Poller({
      intervalMs: options.intervalMs,
      doing: options.doing,
      logger: this.logger,
      run: (stopping) => this.poll(stopping),
    });
  }

  /** One run; returns early once `stopping` is aborted where it has a loop to leave. */
  protected abstract poll(stopping: AbortSignal): Promise<void>;

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}
