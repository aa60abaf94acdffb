import type { EventOf, settlementFinalizedV1 } from '@hashproof/events';
import { causedBy, Outbox, PermanentFailureError } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moveRental } from './move-rental';
import { Rental } from './rental.entity';
import { settlementRefusal, settlementReason } from './rental-settlement';

export const payoutsSettlementActor = 'payouts:settlement';

/**
 * Payouts made a rental's settlement final: the rental moves to settled, the lifecycle's last step, keeping the
 * provider's earnings and the renter's refund. Nothing else settles a rental. Runs in the idempotent consumer's
 * transaction; the same settlement announced again finds the rental settled and changes nothing.
 */
@Injectable()
export class SettleRentalUseCase {
  constructor(private readonly outbox: Outbox) {}

  async execute(event: EventOf<typeof settlementFinalizedV1>, transaction: EntityManager): Promise<void> {
    const settlement = event.value;
    const rental = await transaction.findOne(Rental, {
      where: { id: settlement.rentalId },
      lock: { mode: 'pessimistic_write' },
    });
    // Payouts settles only what contracts has ended; anything else is a fault for a person to look into, so the
    // event is dead-lettered with the reason rather than retried.
    if (!rental) throw new PermanentFailureError(`cannot settle rental ${settlement.rentalId}: it does not exist`);
    if (rental.status === 'settled') return;
    const refusal = settlementRefusal(rental, settlement);
    if (refusal) throw new PermanentFailureError(`cannot settle rental ${rental.id}: ${refusal}`);
    rental.providerEarningsMinor = String(settlement.providerEarningsMinor);
    rental.renterRefundMinor = String(settlement.renterRefundMinor);
    await moveRental(transaction, this.outbox, rental, {
      to: 'settled',
      actor: payoutsSettlementActor,
      reason: settlementReason(settlement),
      cause: causedBy(event),
    });
  }
}
