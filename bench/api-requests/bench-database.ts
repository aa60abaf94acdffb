import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const host = process.env.PGHOST ?? '127.0.0.1';
const port = process.env.PGPORT ?? '5432';
const adminUser = process.env.PGADMIN_USER ?? 'postgres';

/**
 * The benchmark's own database, created fresh for each run and dropped after it: never a shared one. Named by
 * BENCH_API_DATABASE, so that runs from two clones on one server do not drop each other's.
 */
export const BENCH_DATABASE = process.env.BENCH_API_DATABASE ?? 'hashproof_bench_api';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(BENCH_DATABASE)) {
  throw new Error(`BENCH_API_DATABASE must be a plain PostgreSQL name (a-z, 0-9, _), got "${BENCH_DATABASE}"`);
}

export type Context = 'gateway' | 'contracts' | 'verifier' | 'payouts';

/** A service's connection, as its own role: as in production, it can touch only its schema. */
export const databaseUrl = (context: Context) => `postgres://hashproof_${context}@${host}:${port}/${BENCH_DATABASE}`;

/** The app whose migrations create each context's schema. */
const appOf: Record<Context, string> = {
  gateway: 'gateway',
  contracts: 'contracts',
  verifier: 'hashrate-verifier',
  payouts: 'payouts',
};

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
 * Drops what an earlier run left, creates the database with one schema per context owned by its role (the
 * project's bootstrap SQL, as scripts/infra and scripts/test.sh do), then runs each app's checked-in
 * migrations through its built `migrate.js`, which needs only DATABASE_URL.
 */
export async function createBenchDatabase(root: string, contexts: readonly Context[]): Promise<void> {
  await dropBenchDatabase();
  await asAdmin('postgres', (client) => client.query(`CREATE DATABASE "${BENCH_DATABASE}"`));
  const bootstrap = await readFile(path.join(root, 'infra/postgres/bootstrap.sql'), 'utf8');
  await asAdmin(BENCH_DATABASE, (client) => client.query(bootstrap));
  for (const context of contexts) {
    await promisify(execFile)(process.execPath, [path.join(root, 'dist/apps', appOf[context], 'src/migrate.js')], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl(context) },
    });
  }
}

export async function dropBenchDatabase(): Promise<void> {
  await asAdmin('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`));
}

/** The processes serving the run: its database's backends, and the server's shared background ones. */
export async function postgresPids(db: Client): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL`,
  );
  return rows.map((row) => row.pid);
}
