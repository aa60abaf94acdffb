import type { HashrateVerifierConfig } from '@hashproof/config';
import type { DatabaseOptions } from '@hashproof/database';
import { CapacityCheck } from '../capacity-checks/capacity-check.entity';
import { DeliveryContract } from '../delivery-contracts/delivery-contract.entity';
import { StratumCredential } from '../delivery-contracts/stratum-credential.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { StratumCredentials1764100000000 } from './migrations/1764100000000-stratum-credentials';
import { DeliveryWindows1764200000000 } from './migrations/1764200000000-delivery-windows';
import { ContractFlags1764300000000 } from './migrations/1764300000000-contract-flags';
import { CapacityChecks1764400000000 } from './migrations/1764400000000-capacity-checks';
import { RentalEndings1764500000000 } from './migrations/1764500000000-rental-endings';

export function verifierDatabase(
  config: Pick<HashrateVerifierConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
): DatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: 'verifier',
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'hashrate-verifier',
    entities: [DeliveryContract, StratumCredential, CapacityCheck],
    migrations: [
      InitialSchema1764000000000,
      StratumCredentials1764100000000,
      DeliveryWindows1764200000000,
      ContractFlags1764300000000,
      CapacityChecks1764400000000,
      RentalEndings1764500000000,
    ],
  };
}
