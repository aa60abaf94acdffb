import { createHmac } from 'node:crypto';
import { connectAsAdmin } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer, logIn, signUp, startGateway, strongPassword, uniqueEmail } from '../testing/gateway-test-bench';

jest.setTimeout(60_000);

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

describe('accounts and sessions over HTTP', () => {
  let app: NestFastifyApplication;
  let admin: Client;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startGateway();
    admin = await connectAsAdmin();
  });

  afterAll(async () => {
    await app?.close();
    await admin?.end();
  });

  describe('register', () => {
    it('creates an account and never returns or stores the password', async () => {
      const email = uniqueEmail('Renter');
      const response = await http().post('/v1/auth/register').send({ email, password: strongPassword, role: 'renter' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: expect.any(String), email, role: 'renter', createdAt: expect.any(String) });
      const { rows } = await admin.query<{ password_hash: string }>(
        'SELECT password_hash FROM gateway.accounts WHERE id = $1',
        [response.body.id],
      );
      expect(rows[0]?.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
      expect(rows[0]?.password_hash).not.toContain(strongPassword);
    });

    it('refuses an email that differs only in case, as a conflict problem', async () => {
      const email = uniqueEmail('case');
      await http().post('/v1/auth/register').send({ email, password: strongPassword, role: 'provider' }).expect(201);
      const response = await http()
        .post('/v1/auth/register')
        .send({ email: email.toUpperCase(), password: strongPassword, role: 'renter' });
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type: 'urn:hashproof:problem:email-taken', status: 409 });
    });

    it('refuses the admin role, unknown fields, short and common passwords with field-level problems', async () => {
      const email = uniqueEmail('refused');
      const asAdmin = await http().post('/v1/auth/register').send({ email, password: strongPassword, role: 'admin' });
      expect(asAdmin.status).toBe(400);
      expect(asAdmin.body.errors).toEqual([{ field: 'role', message: expect.any(String) }]);

      const unknown = await http()
        .post('/v1/auth/register')
        .send({ email, password: strongPassword, role: 'renter', isAdmin: true });
      expect(unknown.status).toBe(400);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(unknown.body).toEqual({
        type: 'urn:hashproof:problem:validation',
        title: 'Bad Request',
        status: 400,
        detail: expect.any(String),
        instance: '/v1/auth/register',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        errors: [{ field: 'isAdmin', message: 'unknown field' }],
      });

      const short = await http().post('/v1/auth/register').send({ email, password: 'short', role: 'renter' });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);

      const common = await http().post('/v1/auth/register').send({ email, password: 'Password1234', role: 'renter' });
      expect(common.status).toBe(400);
      expect(common.body).toMatchObject({ type: 'urn:hashproof:problem:weak-password' });

      const { rows } = await admin.query('SELECT 1 FROM gateway.accounts WHERE lower(email) = lower($1)', [email]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('login', () => {
    it('answers wrong passwords and unknown emails alike with 401 problem+json', async () => {
      const { email } = await signUp(app, 'renter');
      const wrong = await http().post('/v1/auth/login').send({ email, password: 'not the password at all' });
      const unknown = await http()
        .post('/v1/auth/login')
        .send({ email: uniqueEmail('nobody'), password: strongPassword });
      for (const response of [wrong, unknown]) {
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ status: 401, errorId: expect.any(String) });
        expect(response.headers['www-authenticate']).toBe('Bearer, ApiKey');
        expect(response.body).not.toHaveProperty('accessToken');
      }
    });

    it('rejects unknown fields before looking at the password', async () => {
      const { email } = await signUp(app, 'renter');
      const response = await http().post('/v1/auth/login').send({ email, password: strongPassword, remember: true });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'remember', message: 'unknown field' }]);
    });

    it('matches the email case-insensitively and issues an access token for /v1/me', async () => {
      const { email, id } = await signUp(app, 'provider');
      const tokens = await logIn(app, email.toUpperCase());
      expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 30 * 86_400 });
      const [header, payload] = tokens.accessToken
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, number | string>);
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toEqual({
        sub: id,
        role: 'provider',
        sid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
        iss: 'hashproof-gateway',
        aud: 'hashproof-api',
        iat: expect.any(Number),
        exp: Number(payload?.iat) + 900,
      });
      const me = await http().get('/v1/me').set(bearer(tokens.accessToken)).expect(200);
      expect(me.body).toEqual({ id, email, role: 'provider', createdAt: expect.any(String) });
    });
  });

  describe('access tokens', () => {
    it('refuses a missing, forged or algorithm-swapped token', async () => {
      const { accessToken } = await signUp(app, 'renter');
      const [header, payload] = accessToken.split('.') as [string, string, string];
      const forged = `${header}.${payload}.${createHmac('sha256', 'x'.repeat(64)).update(`${header}.${payload}`).digest('base64url')}`;
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      expect((await http().get('/v1/me')).status).toBe(401);
      for (const token of [forged, none, `${accessToken}x`]) {
        const response = await http().get('/v1/me').set(bearer(token));
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      await http().get('/v1/me').set(bearer(accessToken)).expect(200);
    });
  });

  describe('refresh', () => {
    it('rotates: each refresh token works once and yields a new pair', async () => {
      const first = await signUp(app, 'renter');
      const second = await http().post('/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      expect((second.body as TokenPair).refreshToken).not.toBe(first.refreshToken);
      await http()
        .get('/v1/me')
        .set(bearer((second.body as TokenPair).accessToken))
        .expect(200);
      const third = await http()
        .post('/v1/auth/refresh')
        .send({ refreshToken: (second.body as TokenPair).refreshToken })
        .expect(200);
      await http()
        .get('/v1/me')
        .set(bearer((third.body as TokenPair).accessToken))
        .expect(200);
    });

    it('treats a reused refresh token as theft and revokes the whole session', async () => {
      const stolen = await signUp(app, 'renter');
      const rotated = await http().post('/v1/auth/refresh').send({ refreshToken: stolen.refreshToken }).expect(200);

      const replay = await http().post('/v1/auth/refresh').send({ refreshToken: stolen.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body).toMatchObject({ type: 'urn:hashproof:problem:invalid-refresh-token' });

      // Both the rightful client's newest tokens and the session's older access token are dead now.
      await http()
        .post('/v1/auth/refresh')
        .send({ refreshToken: (rotated.body as TokenPair).refreshToken })
        .expect(401);
      await http()
        .get('/v1/me')
        .set(bearer((rotated.body as TokenPair).accessToken))
        .expect(401);
      await http().get('/v1/me').set(bearer(stolen.accessToken)).expect(401);
      const { rows } = await admin.query<{ live: string }>(
        'SELECT count(*) AS live FROM gateway.refresh_tokens WHERE account_id = $1 AND revoked_at IS NULL',
        [stolen.id],
      );
      expect(Number(rows[0]?.live)).toBe(0);

      // Another session of the same account is not affected, and logging in again works.
      await http()
        .get('/v1/me')
        .set(bearer((await logIn(app, stolen.email)).accessToken))
        .expect(200);
    });

    it('refuses unknown tokens and unknown fields', async () => {
      await http().post('/v1/auth/refresh').send({ refreshToken: 'hpr_not-a-token' }).expect(401);
      const extra = await http().post('/v1/auth/refresh').send({ refreshToken: 'x', accountId: 'y' });
      expect(extra.status).toBe(400);
      expect(extra.body.errors).toEqual([{ field: 'accountId', message: 'unknown field' }]);
    });
  });

  describe('logout', () => {
    it("revokes the caller's session only: its refresh and access tokens stop working", async () => {
      const user = await signUp(app, 'renter');
      const otherSession = await logIn(app, user.email);
      const someoneElse = await signUp(app, 'renter');

      await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(204);

      await http().get('/v1/me').set(bearer(user.accessToken)).expect(401);
      await http().post('/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      await http().get('/v1/me').set(bearer(otherSession.accessToken)).expect(200);
      await http().post('/v1/auth/refresh').send({ refreshToken: otherSession.refreshToken }).expect(200);
      await http().get('/v1/me').set(bearer(someoneElse.accessToken)).expect(200);
    });

    it('needs an access token', async () => {
      await http().post('/v1/auth/logout').expect(401);
    });
  });
});
