import { Outbox, originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { moveRental } from './move-rental';
import { Rental } from './rental.entity';

export const contractEndedActor = 'system:contract-ended';

/** Rentals per transaction, and transactions per run: a backlog (after an outage) is worked off in bounded steps. */
const batchSize = 100;
const maxBatchesPerRun = 10;

/**
 * Completes the active rentals whose end has passed. Each batch locks its rentals with SKIP LOCKED, so
 * replicas running this at the same time take disjoint batches instead of waiting on each other; a disputed
 * rental is left to its dispute.
 */
@Injectable()
export class CompleteEndedRentalsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(now: Date): Promise<number> {
    let completed = 0;
    for (let batch = 0; batch < maxBatchesPerRun; batch += 1) {
      const count = await this.dataSource.transaction((transaction) => this.completeBatch(transaction, now));
      completed += count;
      if (count < batchSize) break;
    }
    return completed;
  }

  private async completeBatch(transaction: EntityManager, now: Date): Promise<number> {
    const due = await transaction.query<{ id: string }[]>(
      `SELECT "id" FROM "rentals"
        WHERE "status" = 'active' AND "ends_at" <= $1
        ORDER BY "ends_at", "id"
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, batchSize],
    );
    if (due.length === 0) return 0;
    // By provider: each completion also updates its provider's track record, and replicas completing batches at
    // once must take those row locks in one order, or two of them could wait on each other.
    const rentals = await transaction.find(Rental, {
      where: { id: In(due.map(({ id }) => id)) },
      order: { providerId: 'ASC', id: 'ASC' },
    });
    for (const rental of rentals) {
      await moveRental(transaction, this.outbox, rental, {
        to: 'completed',
        actor: contractEndedActor,
        reason: `contract ended at ${rental.endsAt?.toISOString() ?? 'its end'}`,
        cause: originatingFrom(),
      });
    }
    return rentals.length;
  }
}
