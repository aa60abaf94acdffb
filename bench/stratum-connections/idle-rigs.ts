import { connect, type Socket } from 'node:net';

/**
 * Child process of the connection benchmark: opens `count` rig connections to the endpoint, subscribes on
 * each, reports how long that took, then holds them idle until told to stop. A separate process, because
 * one process may hold only so many descriptors.
 */
const [port, count] = [Number(process.argv[2]), Number(process.argv[3])];
const batch = 250;
const sockets: Socket[] = [];

function subscribe(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setEncoding('utf8');
    socket.once('error', reject);
    socket.once('connect', () => socket.write('{"id":1,"method":"mining.subscribe","params":["bench/1.0"]}\n'));
    socket.once('data', () => resolve());
    sockets.push(socket);
  });
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  for (let opened = 0; opened < count; opened += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, count - opened) }, subscribe));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.send?.({ opened: sockets.length, seconds });
  process.once('message', () => {
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
