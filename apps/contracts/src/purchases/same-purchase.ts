import type { RenterPool } from '../rentals/renter-pool';

export interface PurchaseTerms {
  readonly listingId: string;
  readonly hashrate: bigint;
  readonly durationSeconds: number;
  readonly pool: RenterPool;
}

/** Whether a retried purchase asks for what the rental its Idempotency-Key opened was bought with. */
export function isSamePurchase(
  rental: {
    readonly listingId: string;
    readonly hashrate: string;
    readonly durationSeconds: number;
    readonly poolUrl: string;
    readonly poolWorker: string;
    readonly poolPassword: string;
  },
  request: PurchaseTerms,
): boolean {
  return (
    rental.listingId === request.listingId &&
    BigInt(rental.hashrate) === request.hashrate &&
    rental.durationSeconds === request.durationSeconds &&
    rental.poolUrl === request.pool.url &&
    rental.poolWorker === request.pool.worker &&
    rental.poolPassword === request.pool.password
  );
}
