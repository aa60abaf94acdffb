import type { DataSourceOptions, MixedList } from 'typeorm';

export interface DatabaseOptions {
  readonly url: string;
  /** The schema the service owns; unqualified names in queries resolve to it. */
  readonly schema: string;
  readonly poolSize: number;
  readonly applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own signature
  readonly entities: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own signature
  readonly migrations: MixedList<Function | string>;
}

/** One service's connection: its own schema, checked-in migrations, never synchronize. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    applicationName: options.applicationName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: options.poolSize, options: `-c search_path=${options.schema}` },
  };
}
