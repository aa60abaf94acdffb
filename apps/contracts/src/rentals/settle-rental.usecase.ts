import { Outbox, originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { lockRental, moveRental, type RecordedMove } from './move-rental';
import { assertAdmin } from './rental-lifecycle-access';

export interface SettleRentalCommand {
  readonly rentalId: string;
  readonly actor: Actor;
  readonly reason?: string;
}

/**
 * Marks a finished rental settled once its payouts are final: the lifecycle's last step. Payouts is to
 * announce it; until its consumer exists, an admin does it here.
 */
@Injectable()
export class SettleRentalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: SettleRentalCommand): Promise<RecordedMove> {
    assertAdmin(command.actor, 'settle rentals');
    return this.dataSource.transaction(async (transaction) => {
      const rental = await lockRental(transaction, command.rentalId);
      return moveRental(transaction, this.outbox, rental, {
        to: 'settled',
        actor: actorLabel(command.actor),
        reason: command.reason ?? 'payouts final',
        cause: originatingFrom(),
      });
    });
  }
}
