import { randomUUID } from 'node:crypto';
import { type EventCause, Outbox, originatingFrom } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCapacityFor, capacityHoldingStatuses } from '../provider-capacity/capacity-rule';
import { ProviderCapacity } from '../provider-capacity/provider-capacity.entity';
import { recordRentalTransition } from './record-rental-transition';
import type { RenterPool } from './renter-pool';
import { Rental } from './rental.entity';

export interface OpenRentalCommand {
  readonly listingId: string;
  readonly providerId: string;
  readonly renterId: string;
  readonly hashrate: bigint;
  readonly durationSeconds: number;
  readonly priceMinor: bigint;
  readonly currency: string;
  readonly pool: RenterPool;
  readonly actor: string;
  /** The renter's Idempotency-Key of the purchase that opens it; unique per renter. */
  readonly purchaseIdempotencyKey?: string | null;
  readonly cause?: EventCause;
}

/**
 * Records a new rental awaiting payment; it starts only when activated. It books the provider's capacity
 * from the start, so a rental is opened only while its provider's verified hash rate covers it together
 * with every rental already holding capacity; otherwise InsufficientCapacityError.
 */
@Injectable()
export class OpenRentalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: OpenRentalCommand): Promise<Rental> {
    return this.dataSource.transaction((transaction) => this.openWithin(transaction, command));
  }

  /**
   * The one path every rental is opened by, inside the caller's transaction (a purchase first locks the same
   * capacity row, then its listing; taking the row lock again here is a no-op for the same transaction).
   */
  async openWithin(transaction: EntityManager, command: OpenRentalCommand): Promise<Rental> {
    await this.reserveCapacity(transaction, command);
    const rental = transaction.create(Rental, {
      id: randomUUID(),
      listingId: command.listingId,
      providerId: command.providerId,
      renterId: command.renterId,
      hashrate: command.hashrate.toString(),
      durationSeconds: command.durationSeconds,
      priceMinor: command.priceMinor.toString(),
      currency: command.currency,
      status: 'pending_payment',
      poolUrl: command.pool.url,
      poolWorker: command.pool.worker,
      poolPassword: command.pool.password,
      stratumCredential: null,
      startsAt: null,
      endsAt: null,
      purchaseIdempotencyKey: command.purchaseIdempotencyKey ?? null,
    });
    await transaction.save(rental);
    await recordRentalTransition(transaction, this.outbox, {
      rentalId: rental.id,
      from: null,
      to: 'pending_payment',
      actor: command.actor,
      reason: null,
      cause: command.cause ?? originatingFrom(),
    });
    return rental;
  }

  /**
   * Openings for one provider queue on its capacity row (a completed check's update takes the same lock),
   * and each sums committed hash rate only after getting the lock, so it sees every rental opened before it.
   */
  private async reserveCapacity(transaction: EntityManager, command: OpenRentalCommand): Promise<void> {
    const capacity = await transaction.findOne(ProviderCapacity, {
      where: { providerId: command.providerId },
      lock: { mode: 'pessimistic_write' },
    });
    const held = await transaction
      .createQueryBuilder(Rental, 'rental')
      .select('COALESCE(SUM(rental.hashrate), 0)::text', 'committed')
      .where('rental.providerId = :providerId', { providerId: command.providerId })
      .andWhere('rental.status IN (:...statuses)', { statuses: capacityHoldingStatuses })
      .getRawOne<{ committed: string }>();
    assertCapacityFor({
      providerId: command.providerId,
      verified: capacity ? BigInt(capacity.verifiedHashrate) : null,
      committed: BigInt(held?.committed ?? '0'),
      requested: command.hashrate,
    });
  }
}
