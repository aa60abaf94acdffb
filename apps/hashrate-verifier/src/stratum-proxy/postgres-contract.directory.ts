import { type DataSource, IsNull } from 'typeorm';
import { type ContractDirectory, type ProxyContract } from './proxy-contract';
import { StratumCredential } from './stratum-credential.entity';

/** Credentials in verifier.stratum_credentials; a revoked one, or one without a pool yet, is refused. */
export class PostgresContractDirectory implements ContractDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findByCredential(workerName: string): Promise<ProxyContract | null> {
    const row = await this.dataSource
      .getRepository(StratumCredential)
      .findOneBy({ credential: workerName, revokedAt: IsNull() });
    if (!row?.upstreamUrl || row.upstreamWorker === null) return null;
    return {
      rentalId: row.rentalId,
      upstream: { url: row.upstreamUrl, worker: row.upstreamWorker, password: row.upstreamPassword ?? '' },
    };
  }
}
