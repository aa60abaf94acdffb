import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ActingPrincipal, decodeActingPrincipal, INTERNAL_PRINCIPAL_HEADER } from './acting-principal';
import { InternalApiClient } from './internal-api.client';
import { InternalServiceUnavailableError } from './internal-service-unavailable.error';

const token = 'internal-token-for-client-tests-0123456789';

interface Seen {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A local HTTP server answering each request with `answer`; records what it was sent. */
async function serve(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      answer(request, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('InternalApiClient', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    }
  });

  it('sends the token, the principal, the query and a JSON body, and returns the parsed answer', async () => {
    const { server, seen, url } = await serve((_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json' }).end('{"created":true}');
    });
    servers.push(server);
    const principal: ActingPrincipal = { id: '6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b', role: 'provider' };
    const client = new InternalApiClient(`${url}/`, token, { timeoutMs: 2000, service: 'contracts' });
    const answer = await client.request<{ created: boolean }>({
      method: 'POST',
      path: '/internal/v1/things',
      principal,
      body: { name: 'x' },
      query: { limit: 20, tag: ['a', 'b'], skipped: undefined, none: null, since: new Date('2025-01-02T03:04:05Z') },
      headers: { 'idempotency-key': 'key-1', authorization: 'Bearer not-the-token' },
    });
    expect(answer).toEqual({ status: 201, body: { created: true } });
    const [request] = seen;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/internal/v1/things?limit=20&tag=a&tag=b&since=2025-01-02T03%3A04%3A05.000Z',
      body: '{"name":"x"}',
    });
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(request?.headers['idempotency-key']).toBe('key-1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(decodeActingPrincipal(request?.headers[INTERNAL_PRINCIPAL_HEADER] as string)).toEqual(principal);
  });

  it('sends no principal header when acting for nobody, and returns error answers as they are', async () => {
    const problem = { type: 'urn:hashproof:problem:listing-not-found', title: 'Not Found', status: 404, detail: 'no' };
    const { server, seen, url } = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify(problem));
    });
    servers.push(server);
    const client = new InternalApiClient(url, token, { timeoutMs: 2000 });
    await expect(client.request({ method: 'GET', path: '/internal/v1/listings/1' })).resolves.toEqual({
      status: 404,
      body: problem,
    });
    expect(seen[0]?.headers).not.toHaveProperty(INTERNAL_PRINCIPAL_HEADER);
  });

  it('throws an unavailable error naming the service when no answer comes in time', async () => {
    const { server, url } = await serve(() => undefined);
    servers.push(server);
    const client = new InternalApiClient(url, token, { timeoutMs: 200, service: 'hashrate-verifier' });
    const started = Date.now();
    const failure = client.request({ method: 'POST', path: '/internal/v1/pool-checks', body: {} });
    await expect(failure).rejects.toThrow(InternalServiceUnavailableError);
    await expect(failure).rejects.toMatchObject({
      service: 'hashrate-verifier',
      message: 'hashrate-verifier is unavailable: no answer within 200 ms',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('throws an unavailable error when nothing listens, named after the host by default', async () => {
    const { server, url } = await serve(() => undefined);
    server.close();
    await once(server, 'close');
    const client = new InternalApiClient(url, token, { timeoutMs: 2000 });
    await expect(client.request({ method: 'GET', path: '/internal/v1/anything' })).rejects.toMatchObject({
      name: 'InternalServiceUnavailableError',
      service: new URL(url).host,
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('keeps one connection alive across calls', async () => {
    const { server, seen, url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    servers.push(server);
    const connections: unknown[] = [];
    server.on('connection', (socket) => connections.push(socket));
    const client = new InternalApiClient(url, token, { timeoutMs: 2000 });
    for (let call = 0; call < 3; call++) await client.request({ method: 'GET', path: '/internal/v1/anything' });
    expect(seen).toHaveLength(3);
    expect(connections).toHaveLength(1);
  });

  it('throws an unavailable error when the answer is cut off', async () => {
    const { server, url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"items": [');
      setTimeout(() => response.destroy(), 20);
    });
    servers.push(server);
    const client = new InternalApiClient(url, token, { timeoutMs: 2000, service: 'contracts' });
    await expect(client.request({ method: 'GET', path: '/internal/v1/listings' })).rejects.toMatchObject({
      name: 'InternalServiceUnavailableError',
      service: 'contracts',
    });
  });

  it('throws an unavailable error when a JSON answer cannot be parsed', async () => {
    const { server, url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [');
    });
    servers.push(server);
    const client = new InternalApiClient(url, token, { timeoutMs: 2000, service: 'contracts' });
    await expect(client.request({ method: 'GET', path: '/internal/v1/listings' })).rejects.toMatchObject({
      name: 'InternalServiceUnavailableError',
      message: expect.stringMatching(/^contracts is unavailable: unparseable JSON answer/),
    });
  });
});
