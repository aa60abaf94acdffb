import { Client } from 'pg';

const host = process.env.PGHOST ?? '127.0.0.1';
const port = process.env.PGPORT ?? '5432';

/** The database integration tests use; refuses any name not ending in _test so a test never touches real data. */
export function testDatabaseName(): string {
  const name = process.env.TEST_DATABASE ?? 'hashproof_test';
  if (!name.endsWith('_test'))
    throw new Error(`refusing to run tests against database "${name}": its name must end in _test`);
  return name;
}

/** A service's own connection to the test database, as that service's role. */
export function testDatabaseUrl(context: 'gateway' | 'contracts' | 'verifier' | 'payouts'): string {
  return `postgres://hashproof_${context}@${host}:${port}/${testDatabaseName()}`;
}

/** An administrative connection, for assertions across schemas that no service may make. */
export async function connectAsAdmin(): Promise<Client> {
  const client = new Client({ connectionString: `postgres://postgres@${host}:${port}/${testDatabaseName()}` });
  await client.connect();
  return client;
}
