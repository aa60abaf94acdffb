import { parseRigArguments } from './cli/rig-arguments';
import { RigSimulator } from './rig/rig-simulator';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const { rig: options, statusIntervalMs, durationMs } = parseRigArguments(process.argv.slice(2));
  const rig = new RigSimulator({ ...options, log });
  await rig.start();
  const status = statusIntervalMs > 0 ? setInterval(() => log(rig.statusLine()), statusIntervalMs) : undefined;
  const finish = () => {
    clearInterval(status);
    clearTimeout(deadline);
    log(rig.statusLine());
    // The final tally on stdout, for scripts and tests.
    process.stdout.write(`${JSON.stringify(rig.snapshot)}\n`);
    void rig.stop();
  };
  const deadline = durationMs === null ? undefined : setTimeout(finish, durationMs);
  process.once('SIGINT', finish);
  process.once('SIGTERM', finish);
}

main().catch((error: unknown) => {
  log(`rig-simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
