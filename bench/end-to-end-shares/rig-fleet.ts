import { parseStratumUrl } from '@hashproof/stratum-net';
import { RigSimulator } from '../../apps/rig-simulator/src';
import { type FleetCommand, type FleetReply, type FleetSample } from './fleet-protocol';

/**
 * Child process of the end-to-end benchmark: many rig simulators (real double-SHA-256, the rig's own
 * Stratum client) in one process, since a process per rig is too heavy on two cores. Every 100 ms it
 * notes how many shares its rigs have submitted so far; the parent turns that into rates and latencies.
 */
const SAMPLE_INTERVAL_MS = 100;
/** Rigs connect this many at a time, so the endpoint sees a burst rather than a flood. */
const CONNECT_BATCH = 50;

const rigs: RigSimulator[] = [];
const samples: FleetSample[] = [];

const send = (reply: FleetReply) => process.send?.(reply);

function sample(): void {
  let submitted = 0;
  let accepted = 0;
  let rejected = 0;
  for (const rig of rigs) {
    const stats = rig.snapshot;
    submitted += stats.submitted;
    accepted += stats.accepted;
    for (const count of Object.values(stats.rejectedByCode)) rejected += count;
  }
  samples.push({ at: Date.now(), rigs: rigs.length, submitted, accepted, rejected });
}

/** Connects the rigs; one the endpoint does not take in time is dropped and counted, not retried. */
async function addRigs(url: string, credentials: readonly string[], hashrate: number): Promise<number> {
  const endpoint = parseStratumUrl(url);
  let failed = 0;
  for (let start = 0; start < credentials.length; start += CONNECT_BATCH) {
    const batch = credentials.slice(start, start + CONNECT_BATCH).map(
      (worker) =>
        new RigSimulator({
          endpoint,
          worker,
          password: 'x',
          hashrate,
          cheat: { kind: 'none' },
          versionRolling: false,
          reconnectDelayMs: 1_000,
        }),
    );
    const started = await Promise.allSettled(batch.map((rig) => rig.start()));
    for (const [index, outcome] of started.entries()) {
      const rig = batch[index] as RigSimulator;
      if (outcome.status === 'fulfilled') rigs.push(rig);
      else {
        failed++;
        await rig.stop();
      }
    }
  }
  return failed;
}

const sampler = setInterval(sample, SAMPLE_INTERVAL_MS);
// The benchmark is gone (or done with us): no rig outlives it.
process.once('disconnect', () => process.exit(0));

process.on('message', (command: FleetCommand) => {
  if (command.kind === 'add') {
    addRigs(command.url, command.credentials, command.hashrate).then(
      (failed) => send({ kind: 'added', rigs: rigs.length, failed }),
      (error: unknown) => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  clearInterval(sampler);
  sample();
  void Promise.all(rigs.map((rig) => rig.stop())).then(() => {
    const reconnects = rigs.reduce((sum, rig) => sum + rig.snapshot.reconnects, 0);
    send({ kind: 'stopped', samples, reconnects });
    process.disconnect();
  });
});
