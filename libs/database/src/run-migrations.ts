import { DataSource } from 'typeorm';
import { type DatabaseOptions, dataSourceOptions } from './database-options';

/** Applies the service's pending migrations, each in its own transaction, and returns their names. */
export async function runMigrations(options: DatabaseOptions): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
