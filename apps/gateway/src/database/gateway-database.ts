import type { GatewayConfig } from '@hashproof/config';
import type { DatabaseOptions } from '@hashproof/database';
import { Account } from '../accounts/account.entity';
import { ApiKey } from '../api-keys/api-key.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { CapacityCheck } from '../capacity-checks/capacity-check.entity';
import { DeliveredRental } from '../rental-delivery/delivered-rental.entity';
import { DeliveryWindow } from '../rental-delivery/delivery-window.entity';
import { FlagChange } from '../rental-delivery/flag-change.entity';
import { StripeEvent } from '../stripe-webhooks/stripe-event.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { AccountsAndAuth1764100000000 } from './migrations/1764100000000-accounts-and-auth';
import { RentalDelivery1764200000000 } from './migrations/1764200000000-rental-delivery';
import { CapacityChecks1764300000000 } from './migrations/1764300000000-capacity-checks';
import { StripeEvents1764400000000 } from './migrations/1764400000000-stripe-events';

export function gatewayDatabase(config: Pick<GatewayConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>): DatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: 'gateway',
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'gateway',
    entities: [Account, RefreshToken, ApiKey, DeliveredRental, DeliveryWindow, FlagChange, CapacityCheck, StripeEvent],
    migrations: [
      InitialSchema1764000000000,
      AccountsAndAuth1764100000000,
      RentalDelivery1764200000000,
      CapacityChecks1764300000000,
      StripeEvents1764400000000,
    ],
  };
}
