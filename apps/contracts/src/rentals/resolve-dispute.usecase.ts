import { Outbox, originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { lockRental, moveRental, type RecordedMove } from './move-rental';
import { RentalNotDisputedError } from './rental.errors';
import { assertAdmin } from './rental-lifecycle-access';

export const disputeOutcomes = ['reinstate', 'terminate'] as const;

export type DisputeOutcome = (typeof disputeOutcomes)[number];

export interface ResolveDisputeCommand {
  readonly rentalId: string;
  readonly actor: Actor;
  readonly outcome: DisputeOutcome;
  readonly reason: string;
}

/**
 * An admin decides a dispute: rejected, the rental runs on (and completes at its end like any other);
 * upheld, it is terminated. The audit trail says which, and why.
 */
@Injectable()
export class ResolveDisputeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: ResolveDisputeCommand): Promise<RecordedMove> {
    assertAdmin(command.actor, 'resolve disputes');
    return this.dataSource.transaction(async (transaction) => {
      const rental = await lockRental(transaction, command.rentalId);
      if (rental.status !== 'disputed') throw new RentalNotDisputedError(rental.status);
      const reinstated = command.outcome === 'reinstate';
      return moveRental(transaction, this.outbox, rental, {
        to: reinstated ? 'active' : 'terminated',
        actor: actorLabel(command.actor),
        reason: `${reinstated ? 'dispute rejected' : 'dispute upheld'}: ${command.reason}`,
        cause: originatingFrom(),
      });
    });
  }
}
