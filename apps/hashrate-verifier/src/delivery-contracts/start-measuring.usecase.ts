import type { EventValue, rentalActivatedV1 } from '@hashproof/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StratumCredential } from './stratum-credential.entity';
import { DeliveryContract } from './delivery-contract.entity';
import { RentalEndingRepository } from './rental-ending.repository';

/**
 * From activation on, the provider's shares are measured against the contracted rate until the end, and
 * its rigs are admitted under the rental's credential and relayed to the renter's pool. An early ending that
 * arrived first (it comes on another topic) is applied at once.
 */
@Injectable()
export class StartMeasuringUseCase {
  async execute(rental: EventValue<typeof rentalActivatedV1>, transaction: EntityManager): Promise<void> {
    const endings = new RentalEndingRepository(transaction);
    await endings.lockRental(rental.rentalId);
    await transaction.insert(DeliveryContract, {
      rentalId: rental.rentalId,
      providerId: rental.providerId,
      contractedHashrate: rental.hashrate,
      startsAt: new Date(rental.startsAt),
      endsAt: new Date(rental.endsAt),
    });
    await transaction.insert(StratumCredential, {
      credential: rental.stratum.credential,
      rentalId: rental.rentalId,
      upstreamUrl: rental.stratum.pool.url,
      upstreamWorker: rental.stratum.pool.worker,
      upstreamPassword: rental.stratum.pool.password,
      revokedAt: null,
    });
    await endings.applyTo(rental.rentalId);
  }
}
