import { type EventValue, settlementFinalizedV1 } from '@hashproof/events';
import { type EventCause, Outbox, PermanentFailureError } from '@hashproof/messaging';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveryMeasurement } from './delivery-measurement.entity';
import { RentalEnding } from './rental-ending.entity';
import { Settlement } from './settlement.entity';
import { InvalidSettlementInputError, type SettlementAmounts, settleRental } from './settlement-rule';

/**
 * Makes a rental's settlement final once payouts knows all it needs: the settlement opened at activation, how
 * the rental ended, and the verifier's last measurement. Called after each of them is recorded, under the
 * rental's settlement lock, so the last to arrive finalizes it, once; until then, and after, it does nothing.
 * The settlement and payouts.settlement-finalized.v1 commit together.
 */
@Injectable()
export class FinalizeSettlementUseCase {
  private readonly logger = new Logger('Settlements');

  constructor(private readonly outbox: Outbox) {}

  async execute(rentalId: string, cause: EventCause, transaction: EntityManager): Promise<void> {
    const settlement = await transaction.findOneBy(Settlement, { rentalId });
    const ending = await transaction.findOneBy(RentalEnding, { rentalId });
    const measurement = await transaction.findOneBy(DeliveryMeasurement, { rentalId });
    if (settlement?.status !== 'open' || !ending || !measurement) return;
    const amounts = amountsOf(settlement, measurement);
    const finalizedAt = new Date();
    await transaction.update(
      Settlement,
      { rentalId, status: 'open' },
      {
        status: 'final',
        providerEarningsMinor: amounts.providerEarningsMinor.toString(),
        renterRefundMinor: amounts.renterRefundMinor.toString(),
        creditedSeconds: creditedSecondsOf(amounts),
        finalizedAt,
      },
    );
    await this.outbox.record(
      transaction,
      settlementFinalizedV1,
      { rentalId },
      finalizedEventOf(settlement, amounts, finalizedAt),
      cause,
    );
    this.logger.log({
      msg: 'settlement final',
      rentalId,
      ended: ending.status,
      providerEarningsMinor: amounts.providerEarningsMinor.toString(),
      renterRefundMinor: amounts.renterRefundMinor.toString(),
    });
  }
}

/** V and T from the activation; R as the verifier measured against it, which is the activation's too. */
function amountsOf(settlement: Settlement, measurement: DeliveryMeasurement): SettlementAmounts {
  try {
    return settleRental(
      {
        paidMinor: BigInt(settlement.contractValueMinor),
        startsAt: settlement.periodStartsAt,
        endsAt: settlement.periodEndsAt,
        hashrate: BigInt(measurement.contractedHashrate),
      },
      measurement,
    );
  } catch (error) {
    // Retrying would not change the facts: the event is dead-lettered with the reason, for someone to look at.
    if (error instanceof InvalidSettlementInputError) throw new PermanentFailureError(error.message);
    throw error;
  }
}

function finalizedEventOf(
  settlement: Settlement,
  amounts: SettlementAmounts,
  finalizedAt: Date,
): EventValue<typeof settlementFinalizedV1> {
  return {
    rentalId: settlement.rentalId,
    providerId: settlement.providerId,
    renterId: settlement.renterId,
    currency: settlement.currency,
    paidMinor: Number(settlement.contractValueMinor),
    providerEarningsMinor: Number(amounts.providerEarningsMinor),
    renterRefundMinor: Number(amounts.renterRefundMinor),
    creditedSeconds: creditedSecondsOf(amounts),
    finalizedAt: finalizedAt.toISOString(),
  };
}

function creditedSecondsOf(amounts: SettlementAmounts): number {
  return Number(amounts.creditedMs) / 1000;
}
