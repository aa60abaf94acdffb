import type { ContractsConfig } from '@hashproof/config';
import type { DatabaseOptions } from '@hashproof/database';
import { Rental } from '../rentals/rental.entity';
import { RentalTransition } from '../rentals/rental-transition.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { RentalStratum1764100000000 } from './migrations/1764100000000-rental-stratum';

export function contractsDatabase(config: ContractsConfig): DatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: 'contracts',
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'contracts',
    entities: [Rental, RentalTransition],
    migrations: [InitialSchema1764000000000, RentalStratum1764100000000],
  };
}
