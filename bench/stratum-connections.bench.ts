import { fork } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import path from 'node:path';
import { InMemoryContractDirectory } from '../apps/hashrate-verifier/src/stratum-proxy/in-memory-contract.directory';
import { RecordingShareOutcomeSink } from '../apps/hashrate-verifier/src/stratum-proxy/recording-share-outcome.sink';
import { DEFAULT_RELAY_OPTIONS } from '../apps/hashrate-verifier/src/stratum-proxy/relay-options';
import { StratumProxyServer } from '../apps/hashrate-verifier/src/stratum-proxy/stratum-proxy.server';

/**
 * How many mostly idle rig connections one verifier process holds, and what each costs: the endpoint
 * in this process, the rigs in a child (loopback only, a bounded count). BENCH_CONNECTIONS sets the count.
 */
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10_000);

async function subscribeRoundTripMs(port: number): Promise<number> {
  const socket = connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  const started = process.hrtime.bigint();
  socket.write('{"id":1,"method":"mining.subscribe","params":["probe/1.0"]}\n');
  await once(socket, 'data');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  socket.destroy();
  return ms;
}

async function medianRoundTripMs(port: number, samples = 21): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) times.push(await subscribeRoundTripMs(port));
  return times.sort((a, b) => a - b)[Math.floor(samples / 2)] ?? Number.NaN;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function main(): Promise<void> {
  const proxy = new StratumProxyServer(
    {
      host: '127.0.0.1',
      port: 0,
      maxConnections: connections + 100,
      rigConnection: { idleTimeoutMs: 10 * 60_000 },
      relay: DEFAULT_RELAY_OPTIONS,
    },
    { directory: new InMemoryContractDirectory(), sink: new RecordingShareOutcomeSink() },
  );
  const port = await proxy.start();
  global.gc?.();
  const before = process.memoryUsage();
  const idleRoundTrip = await medianRoundTripMs(port);

  const rigs = fork(path.join(__dirname, 'stratum-connections/idle-rigs.js'), [String(port), String(connections)]);
  const [report] = (await once(rigs, 'message')) as [{ opened?: number; seconds?: number; error?: string }];
  if (report.error) throw new Error(`rigs failed: ${report.error}`);
  global.gc?.();
  const after = process.memoryUsage();
  const loadedRoundTrip = await medianRoundTripMs(port);
  const held = proxy.connectionCount;

  rigs.send('stop');
  await once(rigs, 'exit');
  await proxy.stop();

  const perConnection = (after.rss - before.rss) / Math.max(held, 1);
  process.stdout.write(
    [
      `Stratum endpoint connections, one process — Node ${process.version}`,
      '',
      '| measurement | value |',
      '| --- | ---: |',
      `| idle rigs subscribed / connections the endpoint held | ${report.opened} / ${held} |`,
      `| time to open and subscribe them (250 at a time) | ${report.seconds?.toFixed(2)} s (${Math.round((report.opened ?? 0) / (report.seconds ?? 1))} connections/s) |`,
      `| process RSS before / after | ${mib(before.rss)} MiB / ${mib(after.rss)} MiB |`,
      `| heap used before / after | ${mib(before.heapUsed)} MiB / ${mib(after.heapUsed)} MiB |`,
      `| RSS per idle connection | ${(perConnection / 1024).toFixed(1)} KiB |`,
      `| subscribe round trip, median of 21: no load / with all held | ${idleRoundTrip.toFixed(2)} ms / ${loadedRoundTrip.toFixed(2)} ms |`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
