import type { PayoutsConfig } from '@hashproof/config';
import type { DatabaseOptions } from '@hashproof/database';
import { DeliveryMeasurement } from '../settlements/delivery-measurement.entity';
import { RentalEnding } from '../settlements/rental-ending.entity';
import { Settlement } from '../settlements/settlement.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { SettlementFinalization1764100000000 } from './migrations/1764100000000-settlement-finalization';

export function payoutsDatabase(config: Pick<PayoutsConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>): DatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: 'payouts',
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'payouts',
    entities: [Settlement, RentalEnding, DeliveryMeasurement],
    migrations: [InitialSchema1764000000000, SettlementFinalization1764100000000],
  };
}
