import { databaseConfigSchema, loadConfig } from '@hashproof/config';
import { runMigrations } from '@hashproof/database';
import { runMain } from '@hashproof/runtime';
import { verifierDatabase } from './database/verifier-database';

runMain(async () => {
  const applied = await runMigrations(verifierDatabase(loadConfig('hashrate-verifier', databaseConfigSchema)));
  process.stdout.write(
    `hashrate-verifier: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
  );
});
