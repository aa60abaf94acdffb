import { JsonRpcClient } from '../client/json-rpc.client';
import { startEchoServer } from '../testing/echo-server';
import { RawLineSocket } from '../testing/raw-line-socket';
import { waitUntil } from '../testing/wait-until';

describe('JsonRpcConnection over loopback', () => {
  let echo: Awaited<ReturnType<typeof startEchoServer>>;
  const sockets: RawLineSocket[] = [];

  beforeEach(async () => {
    echo = await startEchoServer({ maxLineBytes: 256, idleTimeoutMs: 300, maxInvalidLines: 3 });
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await echo.server.close();
  });

  async function open(): Promise<RawLineSocket> {
    const socket = await RawLineSocket.open(echo.port);
    sockets.push(socket);
    return socket;
  }

  it('answers an oversized line with error 20 and disconnects', async () => {
    const socket = await open();
    socket.write(`{"id":1,"method":"x","params":["${'a'.repeat(300)}"]}\n`);
    await socket.closed();
    expect(JSON.parse(socket.received[0] ?? '')).toEqual({
      id: null,
      result: null,
      error: [20, expect.stringMatching(/longer than 256/), null],
    });
    expect(echo.closeReasons).toContain('line-too-long');
  });

  it('answers invalid JSON with an error and keeps serving the connection', async () => {
    const socket = await open();
    socket.write('{not json\n{"id":7,"method":"echo","params":[1]}\n');
    await waitUntil(() => socket.received.length === 2, 1000, 'two replies');
    expect(JSON.parse(socket.received[0] ?? '')).toMatchObject({
      id: null,
      error: [20, expect.stringMatching(/invalid JSON-RPC/), null],
    });
    expect(JSON.parse(socket.received[1] ?? '')).toEqual({ id: 7, result: [1], error: null });
  });

  it('disconnects after too many invalid lines in a row', async () => {
    const socket = await open();
    socket.write('x\ny\nz\n');
    await socket.closed();
    expect(echo.closeReasons).toContain('too-many-invalid-lines');
  });

  it('cuts a slow-drip client that never completes a line, without disturbing others', async () => {
    const slow = await open();
    const client = await JsonRpcClient.connect({ host: '127.0.0.1', port: echo.port });
    slow.write('{"id":1,');
    const drip = setInterval(() => slow.write(' '), 50);
    const keepAlive = setInterval(() => void client.request('echo', ['ping']).catch(() => undefined), 100);
    try {
      await slow.closed();
      expect(echo.closeReasons).toEqual(['idle-timeout']);
      await expect(client.request('echo', ['still here'])).resolves.toMatchObject({ result: ['still here'] });
    } finally {
      clearInterval(drip);
      clearInterval(keepAlive);
      client.close();
    }
  });

  it('cuts a half-open client that sends nothing', async () => {
    const silent = await open();
    await silent.closed();
    expect(echo.closeReasons).toEqual(['idle-timeout']);
  });
});
