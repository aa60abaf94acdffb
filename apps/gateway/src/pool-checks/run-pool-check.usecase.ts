import type { InternalApiClient } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { actingPrincipalOf } from '../internal-services/acting-principal-of';
import { VERIFIER_API } from '../internal-services/internal-services.tokens';
import { requestOrRelay } from '../internal-services/relay-problem';
import { type PoolCheckResult, poolCheckResultSchema, type RunPoolCheckDto } from './pool-check.dto';

/** The verifier connects to the pool as a rig's work would reach it; a failed check is a result, not an error. */
@Injectable()
export class RunPoolCheckUseCase {
  constructor(@Inject(VERIFIER_API) private readonly verifier: InternalApiClient) {}

  async execute(principal: Principal, pool: RunPoolCheckDto): Promise<PoolCheckResult> {
    const answer = await requestOrRelay(this.verifier, {
      method: 'POST',
      path: '/internal/v1/pool-checks',
      principal: actingPrincipalOf(principal),
      body: { url: pool.url, worker: pool.worker, password: pool.password },
    });
    return poolCheckResultSchema.parse(answer.body);
  }
}
