import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { bearer, signUp, startGateway, strongPassword } from '../testing/gateway-test-bench';

jest.setTimeout(60_000);

describe('rate limits per client', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startGateway({
      AUTH_RATE_LIMIT_REQUESTS: '3',
      RATE_LIMIT_REQUESTS: '8',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('stops repeated failed logins with 429 problem+json, even for the right password then', async () => {
    const { email } = await signUp(app, 'renter');
    // signUp logged in once already: two more guesses fill the strict limit of three.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await http().post('/v1/auth/login').send({ email, password: 'wrong password guess' }).expect(401);
    }
    const limited = await http().post('/v1/auth/login').send({ email, password: strongPassword });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests', errorId: expect.any(String) });
    expect(limited.body).not.toHaveProperty('accessToken');
  });

  it('applies the default limit to other routes, and none to health probes', async () => {
    const { accessToken } = await startFresh();
    for (let call = 0; call < 8; call += 1) await http().get('/v1/me').set(bearer(accessToken)).expect(200);
    const limited = await http().get('/v1/me').set(bearer(accessToken));
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (let call = 0; call < 12; call += 1) await http().get('/health/live').expect(200);
  });

  /** The counters are per client and route; the login route is spent by the test above. */
  async function startFresh() {
    await app.close();
    app = await startGateway({
      AUTH_RATE_LIMIT_REQUESTS: '3',
      RATE_LIMIT_REQUESTS: '8',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
    return signUp(app, 'provider');
  }
});
