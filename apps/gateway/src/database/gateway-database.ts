import type { GatewayConfig } from '@hashproof/config';
import type { DatabaseOptions } from '@hashproof/database';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';

export function gatewayDatabase(config: GatewayConfig): DatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: 'gateway',
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'gateway',
    entities: [],
    migrations: [InitialSchema1764000000000],
  };
}
