import { databaseConfigSchema, loadConfig } from '@hashproof/config';
import { runMigrations } from '@hashproof/database';
import { runMain } from '@hashproof/runtime';
import { contractsDatabase } from './database/contracts-database';

runMain(async () => {
  const applied = await runMigrations(contractsDatabase(loadConfig('contracts', databaseConfigSchema)));
  process.stdout.write(
    `contracts: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
  );
});
