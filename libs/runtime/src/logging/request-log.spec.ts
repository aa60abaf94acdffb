import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from './request-log';

/** Serves each request through the request logger, as the services do; resolves with the lines it wrote. */
async function logLinesOf(send: (url: string) => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pinoHttp({ ...requestLogOptions('gateway', 'info'), genReqId: () => 'corr-1' }, sink);
  const server = createServer((request, response) => {
    logger(request, response);
    response.writeHead(request.url === '/v1/missing' ? 404 : 200, { 'x-secret-header': 'do-not-log' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await send(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
  return lines;
}

describe('the request log', () => {
  it('writes a line per request with what was asked, by whom and how it ended, and no header', async () => {
    const lines = await logLinesOf(async (url) => {
      const headers = {
        authorization: 'Bearer secret-token',
        cookie: 'session=secret',
        'user-agent': 'renter-app/1.0',
      };
      await (await fetch(`${url}/v1/listings?currency=USD`, { headers })).text();
      await (await fetch(`${url}/v1/missing`, { headers })).text();
    });
    expect(lines).toEqual([
      expect.objectContaining({
        service: 'gateway',
        correlationId: 'corr-1',
        msg: 'request completed',
        req: {
          method: 'GET',
          url: '/v1/listings?currency=USD',
          remoteAddress: '127.0.0.1',
          userAgent: 'renter-app/1.0',
        },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
      expect.objectContaining({ req: expect.objectContaining({ url: '/v1/missing' }), res: { statusCode: 404 } }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/secret/);
  });

  it('leaves out probes and scrapes', async () => {
    const lines = await logLinesOf(async (url) => {
      for (const path of ['/health', '/health/live', '/metrics']) await (await fetch(`${url}${path}`)).text();
    });
    expect(lines).toEqual([]);
  });
});
