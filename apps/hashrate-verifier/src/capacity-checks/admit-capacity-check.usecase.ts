import type { capacityCheckRequestedV1, EventOf } from '@hashproof/events';
import { PermanentFailureError } from '@hashproof/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveryContract } from '../delivery-contracts/delivery-contract.entity';
import { StratumCredential } from '../delivery-contracts/stratum-credential.entity';
import { admissionRefusal } from './capacity-check-admission';
import { CapacityCheck } from './capacity-check.entity';

/**
 * Records a provider's check and admits its rigs under the check's credential, relayed to the pool the provider
 * chose. The run is a delivery contract for the claimed rate over the check's time, so its shares are
 * validated, vardiff'd and windowed exactly as a rental's are.
 */
@Injectable()
export class AdmitCapacityCheckUseCase {
  async execute(event: EventOf<typeof capacityCheckRequestedV1>, transaction: EntityManager): Promise<void> {
    const check = event.value;
    // The same request again under a new event id changes nothing.
    if (await transaction.existsBy(CapacityCheck, { checkId: check.checkId })) return;
    const refusal = admissionRefusal(check);
    if (refusal) throw new PermanentFailureError(refusal);
    if (await transaction.existsBy(DeliveryContract, { rentalId: check.checkId })) {
      throw new PermanentFailureError(`capacity check ${check.checkId} has the id of a contract already measured`);
    }
    if (await transaction.existsBy(StratumCredential, { credential: check.stratum.credential })) {
      throw new PermanentFailureError(`capacity check ${check.checkId} has a stratum credential already issued`);
    }
    await transaction.insert(DeliveryContract, {
      rentalId: check.checkId,
      providerId: check.providerId,
      contractedHashrate: check.claimedHashrate,
      startsAt: new Date(check.startsAt),
      endsAt: new Date(check.endsAt),
      purpose: 'capacity-check',
    });
    await transaction.insert(StratumCredential, {
      credential: check.stratum.credential,
      rentalId: check.checkId,
      upstreamUrl: check.stratum.pool.url,
      upstreamWorker: check.stratum.pool.worker,
      upstreamPassword: check.stratum.pool.password,
      revokedAt: null,
    });
    await transaction.insert(CapacityCheck, {
      checkId: check.checkId,
      requestEventId: event.eventId,
      correlationId: event.correlationId,
    });
  }
}
