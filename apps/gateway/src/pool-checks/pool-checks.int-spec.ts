import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort, type ServiceProcess, startDevPool, stopProcess, testInternalApiToken } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { bearer, signUp, startGateway, type TestAccount } from '../testing/gateway-test-bench';
import { startPoolCheckingVerifier } from '../testing/pool-checking-verifier';

jest.setTimeout(120_000);

/**
 * A stable group, moved to the ends of the verifier's topics before it joins: a fresh group would
 * re-read every event other suites ever published, and this suite needs none of them.
 */
const group = 'hashrate-verifier-pool-checks-it';

/** Both gateways of this suite sign and accept the same access tokens. */
const jwtSecret = randomBytes(32).toString('hex');

describe('pool checks through the API', () => {
  let verifier: ServiceProcess;
  let app: NestFastifyApplication;
  let account: TestAccount;
  const pools: ChildProcess[] = [];
  const http = () => request(app.getHttpServer());
  const check = (body: object) => http().post('/v1/pool-checks').set(bearer(account.accessToken)).send(body);

  async function devPool(args: readonly string[] = []): Promise<string> {
    const port = await freePort();
    pools.push(await startDevPool(port, args));
    return `stratum+tcp://127.0.0.1:${port}`;
  }

  beforeAll(async () => {
    verifier = await startPoolCheckingVerifier(group);
    app = await startGateway({ JWT_ACCESS_SECRET: jwtSecret, VERIFIER_URL: `http://127.0.0.1:${verifier.httpPort}` });
    account = await signUp(app, 'renter', 'pool-checker');
  });

  afterAll(async () => {
    await app?.close();
    await verifier?.stop();
    await Promise.all(pools.map((pool) => stopProcess(pool)));
  });

  it('passes a pool that subscribes, authorizes the worker and sends a job', async () => {
    const response = await check({ url: await devPool(), worker: 'renter.rig1' }).expect(200);
    expect(response.body).toEqual({ ok: true, extranonce2Size: 4, difficulty: expect.any(Number) });
  });

  it('names a closed port as unreachable, in a 200', async () => {
    const response = await check({ url: `stratum+tcp://127.0.0.1:${await freePort()}`, worker: 'renter.rig1' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: false, reason: 'unreachable', detail: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('names a pool whose extranonce2 leaves the rigs no room', async () => {
    const url = await devPool(['--extranonce2-size', '2']);
    const response = await check({ url, worker: 'renter.rig1', password: 'x' }).expect(200);
    expect(response.body).toEqual({
      ok: false,
      reason: 'extranonce2-too-small',
      detail: 'extranonce2 size 2, need at least 4',
    });
  });

  it('refuses an unauthenticated caller with 401', async () => {
    const response = await http().post('/v1/pool-checks').send({ url: 'stratum+tcp://pool.example:3333', worker: 'w' });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a URL that is not a stratum pool, and unknown fields, with a 400 naming them', async () => {
    const response = await check({ url: 'http://pool.example:3333', worker: 'w', port: 3333 });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'urn:hashproof:problem:validation', status: 400 });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'url', message: expect.any(String) },
        { field: 'port', message: 'unknown field' },
      ]),
    );
  });

  it("keeps the verifier's internal route closed to callers without the internal token", async () => {
    const url = `http://127.0.0.1:${verifier.httpPort}/internal/v1/pool-checks`;
    const body = JSON.stringify({ url: 'stratum+tcp://127.0.0.1:1', worker: 'w', password: 'x' });
    const headers = { 'content-type': 'application/json' };
    for (const authorization of [undefined, 'Bearer not-the-internal-token', `Bearer ${account.accessToken}`]) {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: authorization ? { ...headers, authorization } : headers,
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
    const admitted = await fetch(url, {
      method: 'POST',
      body,
      headers: { ...headers, authorization: `Bearer ${testInternalApiToken}` },
    });
    expect(admitted.status).toBe(200);
  });

  it('answers 503 problem+json when the verifier cannot be reached', async () => {
    const cut = await startGateway({
      JWT_ACCESS_SECRET: jwtSecret,
      VERIFIER_URL: `http://127.0.0.1:${await freePort()}`,
    });
    try {
      const response = await request(cut.getHttpServer())
        .post('/v1/pool-checks')
        .set(bearer(account.accessToken))
        .send({ url: 'stratum+tcp://pool.example:3333', worker: 'renter.rig1' });
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: 'urn:hashproof:problem:service-unavailable',
        status: 503,
        detail: 'the hashrate-verifier service is unavailable; try again later',
        errorId: expect.any(String),
      });
    } finally {
      await cut.close();
    }
  });
});
