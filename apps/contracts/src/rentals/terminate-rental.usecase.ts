import { Outbox, originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { lockRental, moveRental, type RecordedMove } from './move-rental';
import { assertAdmin } from './rental-lifecycle-access';

export interface TerminateRentalCommand {
  readonly rentalId: string;
  readonly actor: Actor;
  readonly reason: string;
}

/** An admin ends a running or disputed rental for good, saying why; what it is worth is payouts' to work out. */
@Injectable()
export class TerminateRentalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: TerminateRentalCommand): Promise<RecordedMove> {
    assertAdmin(command.actor, 'terminate rentals');
    return this.dataSource.transaction(async (transaction) => {
      const rental = await lockRental(transaction, command.rentalId);
      return moveRental(transaction, this.outbox, rental, {
        to: 'terminated',
        actor: actorLabel(command.actor),
        reason: command.reason,
        cause: originatingFrom(),
      });
    });
  }
}
