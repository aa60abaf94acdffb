import { Outbox, originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { lockRental, moveRental, type RecordedMove } from './move-rental';
import { assertMayDispute } from './rental-lifecycle-access';

export interface DisputeRentalCommand {
  readonly rentalId: string;
  readonly actor: Actor;
  readonly reason: string;
}

/**
 * The renter (or an admin) disputes a running rental: it stays disputed, still holding its provider's
 * capacity, until an admin reinstates or terminates it.
 */
@Injectable()
export class DisputeRentalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: DisputeRentalCommand): Promise<RecordedMove> {
    return this.dataSource.transaction(async (transaction) => {
      const rental = await lockRental(transaction, command.rentalId);
      assertMayDispute(command.actor, rental);
      return moveRental(transaction, this.outbox, rental, {
        to: 'disputed',
        actor: actorLabel(command.actor),
        reason: command.reason,
        cause: originatingFrom(),
      });
    });
  }
}
