import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const host = process.env.PGHOST ?? '127.0.0.1';
const port = process.env.PGPORT ?? '5432';
const adminUser = process.env.PGADMIN_USER ?? 'postgres';

/** The benchmark's own database, created fresh for each run and dropped after it: never a shared one. */
export const BENCH_DATABASE = 'hashproof_bench';

/** The verifier's connection, as its own role (as in production, it can touch only its schema). */
export const verifierDatabaseUrl = `postgres://hashproof_verifier@${host}:${port}/${BENCH_DATABASE}`;

export async function connectAdmin(database: string = BENCH_DATABASE): Promise<Client> {
  const client = new Client({ connectionString: `postgres://${adminUser}@${host}:${port}/${database}` });
  await client.connect();
  return client;
}

async function asAdmin(database: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = await connectAdmin(database);
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops what an earlier run left, then roles and schemas as scripts/infra do, then the verifier's
 * migrations (run with the service's settings: its config is checked there too). `synchronousCommit`
 * applies to this database only.
 */
export async function createBenchDatabase(
  root: string,
  serviceEnv: Record<string, string>,
  synchronousCommit: string,
): Promise<void> {
  if (!['on', 'off'].includes(synchronousCommit)) throw new RangeError('synchronous_commit: on or off');
  await dropBenchDatabase();
  await asAdmin('postgres', async (client) => {
    await client.query(`CREATE DATABASE "${BENCH_DATABASE}"`);
    await client.query(`ALTER DATABASE "${BENCH_DATABASE}" SET synchronous_commit = ${synchronousCommit}`);
  });
  const bootstrap = await readFile(path.join(root, 'infra/postgres/bootstrap.sql'), 'utf8');
  await asAdmin(BENCH_DATABASE, (client) => client.query(bootstrap));
  await promisify(execFile)(process.execPath, [path.join(root, 'dist/apps/hashrate-verifier/src/migrate.js')], {
    env: { ...process.env, ...serviceEnv, DATABASE_URL: verifierDatabaseUrl },
  });
}

export async function dropBenchDatabase(): Promise<void> {
  await asAdmin('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`));
}
