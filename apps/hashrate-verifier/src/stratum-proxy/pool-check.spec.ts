import { JsonRpcServer } from '@hashproof/stratum-net';
import { checkPool } from './pool-check';

interface Script {
  readonly extranonce2Size?: number;
  readonly authorize?: boolean;
  readonly notify?: boolean;
}

const JOB = ['1', '00'.repeat(32), '01', '02', [], '20000000', '1e00ffff', '65000000', true];

/** A scripted pool on 127.0.0.1 that answers subscribe/authorize as told. */
async function fakePool(script: Script): Promise<JsonRpcServer> {
  const server = new JsonRpcServer({ host: '127.0.0.1', port: 0 }, (connection) => {
    connection.on('frame', (frame) => {
      if (frame.type !== 'call') return;
      if (frame.method === 'mining.subscribe') {
        connection.respond(frame.id, [[], 'aabbccdd', script.extranonce2Size ?? 4]);
        connection.notify('mining.set_difficulty', [0.125]);
      }
      if (frame.method === 'mining.authorize') {
        connection.respond(frame.id, script.authorize ?? true);
        if (script.notify ?? true) connection.notify('mining.notify', JOB);
      }
    });
  });
  await server.listen();
  return server;
}

describe('checkPool', () => {
  const servers: JsonRpcServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  const check = async (script: Script, timeoutMs = 2000) => {
    const server = await fakePool(script);
    servers.push(server);
    return checkPool({ url: `stratum+tcp://127.0.0.1:${server.port}`, worker: 'renter.w', password: 'x' }, timeoutMs);
  };

  it('passes a pool that subscribes, authorizes and sends a job', async () => {
    await expect(check({})).resolves.toEqual({ ok: true, extranonce2Size: 4, difficulty: 0.125 });
  });

  it('names a pool that refuses the worker', async () => {
    await expect(check({ authorize: false })).resolves.toMatchObject({ ok: false, reason: 'refused-worker' });
  });

  it('names a pool whose extranonce2 leaves the rig no room', async () => {
    await expect(check({ extranonce2Size: 2 })).resolves.toMatchObject({ ok: false, reason: 'extranonce2-too-small' });
  });

  it('names a pool that never sends a job', async () => {
    await expect(check({ notify: false }, 300)).resolves.toMatchObject({ ok: false, reason: 'no-notify' });
  });

  it('names a pool that is not there, or not a stratum URL', async () => {
    const server = await fakePool({});
    const port = server.port;
    await server.close();
    await expect(
      checkPool({ url: `stratum+tcp://127.0.0.1:${port}`, worker: 'w', password: 'x' }, 1000),
    ).resolves.toMatchObject({ ok: false, reason: 'unreachable' });
    await expect(checkPool({ url: 'http://pool', worker: 'w', password: 'x' }, 1000)).resolves.toMatchObject({
      ok: false,
      reason: 'unreachable',
    });
  });
});
