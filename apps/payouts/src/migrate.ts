import { databaseConfigSchema, loadConfig } from '@hashproof/config';
import { runMigrations } from '@hashproof/database';
import { runMain } from '@hashproof/runtime';
import { payoutsDatabase } from './database/payouts-database';

runMain(async () => {
  const applied = await runMigrations(payoutsDatabase(loadConfig('payouts', databaseConfigSchema)));
  process.stdout.write(
    `payouts: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
  );
});
