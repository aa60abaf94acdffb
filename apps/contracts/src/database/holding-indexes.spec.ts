import type { MigrationInterface, QueryRunner } from 'typeorm';
import { capacityHoldingStatuses } from '../provider-capacity/capacity-rule';
import { contractsDatabase } from './contracts-database';

/** Every statement the migrations run, in order, without a database. */
async function migrationStatements(): Promise<string[]> {
  const statements: string[] = [];
  const recorder = { query: async (sql: string) => void statements.push(sql) } as unknown as QueryRunner;
  const migrations = contractsDatabase({ DATABASE_URL: 'postgres://unused', DATABASE_POOL_SIZE: 1 })
    .migrations as (new () => MigrationInterface)[];
  for (const Migration of migrations) await new Migration().up(recorder);
  return statements;
}

// PostgreSQL uses a partial index only when the query's condition implies the index's: an index on other
// statuses than the queries ask for would be silently ignored, and capacity reads would scan every rental again.
describe('the partial indexes of capacity-holding rentals', () => {
  it('cover exactly the statuses in which a rental holds capacity', async () => {
    const holdingIndexes = (await migrationStatements()).filter((sql) =>
      /CREATE INDEX "rentals_\w*holding\w*"/.test(sql),
    );

    expect(holdingIndexes.map((sql) => /CREATE INDEX "(\w+)"/.exec(sql)?.[1])).toContain(
      'rentals_provider_holding_capacity',
    );
    for (const sql of holdingIndexes) {
      const statuses = /"status" IN \(([^)]*)\)/
        .exec(sql)?.[1]
        ?.split(',')
        .map((status) => status.trim().replaceAll("'", ''));
      expect(statuses?.sort()).toEqual([...capacityHoldingStatuses].sort());
    }
  });
});
