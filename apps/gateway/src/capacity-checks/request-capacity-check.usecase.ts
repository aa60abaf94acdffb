import { randomUUID } from 'node:crypto';
import { capacityCheckRequestedV1 } from '@hashproof/events';
import { type EventCause, Outbox } from '@hashproof/messaging';
import { issueStratumCredential } from '@hashproof/stratum';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CapacityCheckRequest } from './capacity-check.dto';
import { CapacityCheck } from './capacity-check.entity';

/**
 * Starts a provider's capacity check: a fresh credential for its rigs, the read-model row and the
 * capacity.check-requested event commit together, so the verifier hears of exactly the checks stored here.
 */
@Injectable()
export class RequestCapacityCheckUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(providerId: string, request: CapacityCheckRequest, cause: EventCause): Promise<CapacityCheck> {
    const startsAt = new Date();
    const check = this.dataSource.getRepository(CapacityCheck).create({
      id: randomUUID(),
      providerId,
      claimedHashrate: request.hashrate,
      durationSeconds: request.durationSeconds,
      credential: issueStratumCredential(),
      poolUrl: request.pool.url,
      poolWorker: request.pool.worker,
      poolPassword: request.pool.password,
      startsAt,
      endsAt: new Date(startsAt.getTime() + request.durationSeconds * 1000),
      status: 'running',
      verifiedHashrate: null,
      judgement: null,
      completedAt: null,
    });
    await this.dataSource.transaction(async (transaction) => {
      await transaction.insert(CapacityCheck, check);
      await this.outbox.record(
        transaction,
        capacityCheckRequestedV1,
        { providerId },
        {
          checkId: check.id,
          providerId,
          claimedHashrate: check.claimedHashrate,
          startsAt: check.startsAt.toISOString(),
          endsAt: check.endsAt.toISOString(),
          stratum: {
            credential: check.credential,
            pool: { url: check.poolUrl, worker: check.poolWorker, password: check.poolPassword },
          },
        },
        cause,
      );
    });
    return check;
  }
}
