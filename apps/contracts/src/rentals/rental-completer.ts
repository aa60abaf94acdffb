import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CompleteEndedRentalsUseCase } from './complete-ended-rentals.usecase';

/** A rental completes within this of its end; the look is one indexed query when nothing is due. */
const checkIntervalMs = 2_000;

/** Completes ended rentals on a fixed beat; each beat waits for the one before it. */
@Injectable()
export class RentalCompleter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RentalCompleter.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly completeEndedRentals: CompleteEndedRentalsUseCase) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.inFlight = this.inFlight.then(() => this.tick());
    }, checkIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    try {
      const completed = await this.completeEndedRentals.execute(new Date());
      if (completed > 0) this.logger.log({ msg: 'ended rentals completed', completed });
    } catch (error) {
      this.logger.warn({
        msg: 'completing ended rentals failed; will retry',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
