import type { DataSource } from 'typeorm';
import { type ContractDirectory, type ProxyContract } from './proxy-contract';

interface CredentialRow {
  rental_id: string;
  upstream_url: string;
  upstream_worker: string;
  upstream_password: string | null;
  ends_at: Date;
}

/**
 * Credentials in verifier.stratum_credentials. Refused: revoked, without a pool yet, or belonging to a
 * contract that has ended (its rigs must stop earning on it).
 */
export class PostgresContractDirectory implements ContractDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findByCredential(workerName: string): Promise<ProxyContract | null> {
    const rows: CredentialRow[] = await this.dataSource.query(
      `SELECT credential.rental_id, credential.upstream_url, credential.upstream_worker, credential.upstream_password,
              contract.ends_at
         FROM "stratum_credentials" credential
         JOIN "delivery_contracts" contract ON contract.rental_id = credential.rental_id
        WHERE credential.credential = $1 AND credential.revoked_at IS NULL
          AND credential.upstream_url IS NOT NULL AND credential.upstream_worker IS NOT NULL
          AND now() < contract.ends_at`,
      [workerName],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      rentalId: row.rental_id,
      upstream: { url: row.upstream_url, worker: row.upstream_worker, password: row.upstream_password ?? '' },
      endsAt: row.ends_at,
    };
  }

  async endsByCredential(credentials: readonly string[]): Promise<ReadonlyMap<string, Date>> {
    if (credentials.length === 0) return new Map();
    const rows: { credential: string; ends_at: Date }[] = await this.dataSource.query(
      `SELECT credential.credential, contract.ends_at
         FROM "stratum_credentials" credential
         JOIN "delivery_contracts" contract ON contract.rental_id = credential.rental_id
        WHERE credential.credential = ANY($1::text[]) AND credential.revoked_at IS NULL`,
      [credentials],
    );
    return new Map(rows.map((row) => [row.credential, row.ends_at]));
  }
}
