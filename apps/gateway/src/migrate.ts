import { databaseConfigSchema, loadConfig } from '@hashproof/config';
import { runMigrations } from '@hashproof/database';
import { runMain } from '@hashproof/runtime';
import { gatewayDatabase } from './database/gateway-database';

runMain(async () => {
  const applied = await runMigrations(gatewayDatabase(loadConfig('gateway', databaseConfigSchema)));
  process.stdout.write(
    `gateway: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
  );
});
