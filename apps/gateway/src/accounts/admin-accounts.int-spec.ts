import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { connectAsAdmin, testDatabaseUrl } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import request from 'supertest';
import { seedAdmin } from '../seed-admin';
import { bearer, logIn, signUp, startGateway, strongPassword, type TestAccount } from '../testing/gateway-test-bench';

jest.setTimeout(60_000);

const noStdin = () => Readable.from([]);

describe('admin accounts', () => {
  let app: NestFastifyApplication;
  let db: Client;
  let adminToken: string;
  let renter: TestAccount;
  const http = () => request(app.getHttpServer());
  const adminEmail = `admin-${randomUUID().slice(0, 8)}@example.test`;
  const env = { DATABASE_URL: testDatabaseUrl('gateway'), ADMIN_PASSWORD: strongPassword };

  beforeAll(async () => {
    app = await startGateway();
    db = await connectAsAdmin();
    renter = await signUp(app, 'renter');
  });

  afterAll(async () => {
    await app?.close();
    await db?.end();
  });

  describe('the seed command', () => {
    it('creates the admin once; running it again changes nothing', async () => {
      expect(await seedAdmin(['--email', adminEmail], env, noStdin())).toBe(`admin ${adminEmail} created`);
      const { rows: before } = await db.query('SELECT * FROM gateway.accounts WHERE email = $1', [adminEmail]);
      expect(await seedAdmin(['--email', adminEmail], env, noStdin())).toMatch(/already exists; unchanged/);
      const { rows: after } = await db.query('SELECT * FROM gateway.accounts WHERE email = $1', [adminEmail]);
      expect(after).toEqual(before);
      expect(after).toMatchObject([{ role: 'admin' }]);
      adminToken = (await logIn(app, adminEmail)).accessToken;
    });

    it('reads the password from stdin when ADMIN_PASSWORD is unset', async () => {
      const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
      const stdin = Readable.from([`${strongPassword}\n`]);
      await seedAdmin(['--email', email], { DATABASE_URL: env.DATABASE_URL }, stdin);
      await logIn(app, email);
    });

    it('never promotes an existing account and refuses weak passwords or a missing email', async () => {
      await expect(seedAdmin(['--email', renter.email], env, noStdin())).rejects.toThrow(/refusing to promote/);
      await expect(
        seedAdmin(['--email', `weak-${randomUUID()}@example.test`], { ...env, ADMIN_PASSWORD: 'short' }, noStdin()),
      ).rejects.toThrow(/at least 12 characters/);
      await expect(seedAdmin([], env, noStdin())).rejects.toThrow(/usage/);
      const { rows } = await db.query('SELECT role FROM gateway.accounts WHERE id = $1', [renter.id]);
      expect(rows).toEqual([{ role: 'renter' }]);
    });
  });

  describe('GET /v1/admin/accounts', () => {
    const runPrefix = `page-${randomUUID().slice(0, 8)}`;
    const emails: string[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 5; i += 1) {
        const role = i % 2 === 0 ? 'provider' : 'renter';
        const email = `${runPrefix}-${i}@example.test`;
        await http().post('/v1/auth/register').send({ email, password: strongPassword, role }).expect(201);
        emails.push(email);
      }
    });

    const list = (query: Record<string, string | number>, token = adminToken) =>
      http().get('/v1/admin/accounts').query(query).set(bearer(token));

    it('is forbidden to renters and providers, whether by token or API key, and needs authentication', async () => {
      const provider = await signUp(app, 'provider');
      const key = await http().post('/v1/api-keys').set(bearer(provider.accessToken)).send({ name: 'bot' });
      for (const response of [
        await list({}, renter.accessToken),
        await list({}, provider.accessToken),
        await http()
          .get('/v1/admin/accounts')
          .set('x-api-key', (key.body as { key: string }).key),
      ]) {
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).not.toHaveProperty('items');
      }
      await http().get('/v1/admin/accounts').expect(401);
    });

    it('walks every match exactly once with a cursor, oldest first', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await list({ emailPrefix: runPrefix, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        const body = response.body as { items: { email: string }[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items.map((item) => item.email));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(emails);
    });

    it('numbers pages with a total, and filters by role and a case-insensitive email prefix', async () => {
      const second = await list({ emailPrefix: runPrefix.toUpperCase(), page: 2, pageSize: 2 }).expect(200);
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
      expect((second.body as { items: { email: string }[] }).items.map((item) => item.email)).toEqual(
        emails.slice(2, 4),
      );

      const providers = await list({ emailPrefix: runPrefix, role: 'provider', pageSize: 10 }).expect(200);
      const items = (providers.body as { items: { email: string; role: string }[] }).items;
      expect(items.map((item) => item.email)).toEqual([emails[0], emails[2], emails[4]]);
      expect(items.every((item) => item.role === 'provider')).toBe(true);
      expect(JSON.stringify(providers.body)).not.toContain('scrypt');
    });

    it('treats LIKE wildcards in the prefix literally', async () => {
      const response = await list({ emailPrefix: '%' }).expect(200);
      expect(response.body).toEqual({ items: [], nextCursor: null });
    });

    it('refuses unknown parameters, mixed pagination styles and forged cursors', async () => {
      const unknown = await list({ sort: 'email' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ field: 'sort', message: 'unknown field' }]);
      expect((await list({ limit: 2, page: 1 })).status).toBe(400);
      expect((await list({ limit: 1000 })).status).toBe(400);
      const forged = await list({ cursor: 'bm90LWEtY3Vyc29y' });
      expect(forged.status).toBe(400);
      expect(forged.body).toMatchObject({ type: 'urn:hashproof:problem:invalid-cursor' });
    });
  });
});
