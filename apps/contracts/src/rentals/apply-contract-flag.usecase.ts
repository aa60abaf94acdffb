import type { contractFlaggedV1, EventOf } from '@hashproof/events';
import { causedBy, Outbox } from '@hashproof/messaging';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { flagConsequence, underDeliveryReason, verifierActor } from './contract-flag-consequence';
import { moveRental } from './move-rental';
import { Rental } from './rental.entity';

/**
 * A delivery flag from the verifier, kept in rental_flags for admins with what it did; sustained
 * under-delivery terminates the rental. Runs in the idempotent consumer's transaction, so a redelivered
 * flag is not applied twice, and the same flag raised again (a new event) finds the rental already moved.
 */
@Injectable()
export class ApplyContractFlagUseCase {
  private readonly logger = new Logger('RentalFlags');

  constructor(private readonly outbox: Outbox) {}

  async execute(event: EventOf<typeof contractFlaggedV1>, transaction: EntityManager): Promise<void> {
    const flag = event.value;
    const rental = await transaction.findOne(Rental, {
      where: { id: flag.rentalId },
      lock: { mode: 'pessimistic_write' },
    });
    const consequence = flagConsequence(flag.cause, rental?.status ?? null);
    await transaction.query(
      `INSERT INTO "rental_flags"
         ("rental_id", "cause", "window_index", "raised_at", "evidence", "rental_status", "outcome", "event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("rental_id", "cause", "window_index") DO NOTHING`,
      [
        flag.rentalId,
        flag.cause,
        flag.windowIndex,
        new Date(flag.raisedAt),
        JSON.stringify(flag.evidence),
        rental?.status ?? null,
        consequence === 'terminate' ? 'terminated' : 'recorded',
        event.eventId,
      ],
    );
    if (rental && consequence === 'terminate') {
      await moveRental(transaction, this.outbox, rental, {
        to: 'terminated',
        actor: verifierActor,
        reason: underDeliveryReason(flag),
        cause: causedBy(event),
      });
    }
    this.logger.log({
      msg: consequence === 'terminate' ? 'rental terminated for under-delivery' : 'delivery flag recorded',
      rentalId: flag.rentalId,
      cause: flag.cause,
      windowIndex: flag.windowIndex,
      rentalStatus: rental?.status ?? 'unknown',
    });
  }
}
