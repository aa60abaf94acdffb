export { type DatabaseOptions, dataSourceOptions } from './database-options';
export { runMigrations } from './run-migrations';
