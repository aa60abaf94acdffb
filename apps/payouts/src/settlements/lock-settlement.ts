import type { EntityManager } from 'typeorm';

/**
 * Serialises, per rental, the transactions that bring its settlement a fact (activation, ending, last
 * measurement), until they commit. Each fact arrives on its own topic and may be applied at the same moment as
 * another; without the lock each would miss the other's uncommitted row and neither would finalize. An
 * advisory lock, because the first fact may arrive before any row exists to lock.
 */
export async function lockSettlement(transaction: EntityManager, rentalId: string): Promise<void> {
  await transaction.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`payouts.settlement:${rentalId}`]);
}
