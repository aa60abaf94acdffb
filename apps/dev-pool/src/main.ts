import { parsePoolArguments } from './cli/pool-arguments';
import { DevPool } from './pool/dev-pool';
import { statsLine } from './stats/stats-line';

const log = (line: string) => process.stderr.write(`dev-pool: ${line}\n`);

async function main(): Promise<void> {
  const { config, statsIntervalMs } = parsePoolArguments(process.argv.slice(2), process.env);
  const pool = new DevPool(config, { log });
  const port = await pool.start();
  log(`listening on stratum+tcp://${config.host}:${port} (start difficulty ${config.startDifficulty})`);
  const printStats = () => pool.stats.snapshot().forEach((snapshot) => log(statsLine(snapshot)));
  const statsTimer = statsIntervalMs > 0 ? setInterval(printStats, statsIntervalMs) : undefined;
  const shutdown = () => {
    clearInterval(statsTimer);
    printStats();
    pool.stop().then(
      () => log('stopped'),
      (error: unknown) => log(`stop failed: ${String(error)}`),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
