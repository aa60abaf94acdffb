import { PollingService } from '@hashproof/runtime';
import { Injectable } from '@nestjs/common';
import { CompleteEndedRentalsUseCase } from './complete-ended-rentals.usecase';

/** A rental completes within this of its end; the look is one indexed query when nothing is due. */
const checkIntervalMs = 2_000;

/** Completes ended rentals on a fixed beat. */
@Injectable()
export class RentalCompleter extends PollingService {
  constructor(private readonly completeEndedRentals: CompleteEndedRentalsUseCase) {
    super({ name: RentalCompleter.name, intervalMs: checkIntervalMs, doing: 'completing ended rentals' });
  }

  protected async poll(): Promise<void> {
    const completed = await this.completeEndedRentals.execute(new Date());
    if (completed > 0) this.logger.log({ msg: 'ended rentals completed', completed });
  }
}
