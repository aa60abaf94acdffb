import { PermanentFailureError } from '@hashproof/messaging';
import type { EntityManager } from 'typeorm';
import { Rental } from '../rentals/rental.entity';

/**
 * The rental a payment event is about, locked for the change. A payment for a rental that does not exist
 * can never be applied: it goes to the dead-letter topic for someone to look at (money may have been taken).
 */
export async function lockRentalOfPayment(
  transaction: EntityManager,
  payment: { readonly rentalId: string; readonly stripeEventId: string },
): Promise<Rental> {
  const rental = await transaction.findOne(Rental, {
    where: { id: payment.rentalId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!rental) {
    throw new PermanentFailureError(
      `Stripe event ${payment.stripeEventId} is about rental ${payment.rentalId}, which does not exist`,
    );
  }
  return rental;
}
