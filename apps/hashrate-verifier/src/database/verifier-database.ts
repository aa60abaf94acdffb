import type { HashrateVerifierConfig } from '@hashproof/config';
import type { DatabaseOptions } from '@hashproof/database';
import { DeliveryContract } from '../delivery-contracts/delivery-contract.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';

export function verifierDatabase(config: HashrateVerifierConfig): DatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: 'verifier',
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'hashrate-verifier',
    entities: [DeliveryContract],
    migrations: [InitialSchema1764000000000],
  };
}
