import { Outbox, originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, actorLabel } from '../access/actor';
import { lockRental, moveRental } from '../rentals/move-rental';
import type { Rental } from '../rentals/rental.entity';
import { RentalNotCancellableError } from './purchase.errors';
import { renterCancellation } from './renter-cancellation';

export const proRataCancellationReason =
  'cancelled after the start, pro rata: the provider is paid for verified delivery until now, the renter refunded the rest';

/**
 * A renter (or an admin) ends a running rental now. Its capacity is released, the verifier stops measuring it
 * at this moment, and payouts settles it from that measurement. Decided again under the rental's lock, so a
 * rental completed or disputed meanwhile is refused, and one cancelled meanwhile is simply returned.
 */
@Injectable()
export class CancelProRataUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(actor: Actor, rentalId: string): Promise<Rental> {
    return this.dataSource.transaction(async (transaction) => {
      const rental = await lockRental(transaction, rentalId);
      const cancellation = renterCancellation(rental.status);
      if (cancellation === 'already-cancelled') return rental;
      if (cancellation !== 'cancel-pro-rata') throw new RentalNotCancellableError('the rental is not running');
      await moveRental(transaction, this.outbox, rental, {
        to: 'cancelled',
        actor: actorLabel(actor),
        reason: proRataCancellationReason,
        cause: originatingFrom(),
      });
      return rental;
    });
  }
}
