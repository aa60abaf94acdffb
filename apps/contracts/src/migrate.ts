import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { runMigrations } from '@hashproof/database';
import { runMain } from '@hashproof/runtime';
import { contractsDatabase } from './database/contracts-database';

runMain(async () => {
  const applied = await runMigrations(contractsDatabase(loadConfig('contracts', contractsConfigSchema)));
  process.stdout.write(
    `contracts: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
  );
});
