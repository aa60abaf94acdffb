import { connectAsAdmin } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer, signUp, startGateway, type TestAccount } from '../testing/gateway-test-bench';

jest.setTimeout(60_000);

interface CreatedKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
}

describe('API keys over HTTP', () => {
  let app: NestFastifyApplication;
  let admin: Client;
  let provider: TestAccount;
  let renter: TestAccount;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startGateway();
    admin = await connectAsAdmin();
    provider = await signUp(app, 'provider');
    renter = await signUp(app, 'renter');
  });

  afterAll(async () => {
    await app?.close();
    await admin?.end();
  });

  async function createKey(owner: TestAccount, name = 'listing bot'): Promise<CreatedKey> {
    const response = await http().post('/v1/api-keys').set(bearer(owner.accessToken)).send({ name }).expect(201);
    return response.body as CreatedKey;
  }

  async function storedKey(id: string) {
    const { rows } = await admin.query<{ key_hash: string; revoked_at: Date | null; account_id: string }>(
      'SELECT key_hash, revoked_at, account_id FROM gateway.api_keys WHERE id = $1',
      [id],
    );
    return rows[0];
  }

  it('shows a new key once and stores only its hash', async () => {
    const created = await createKey(provider);
    expect(created.key).toMatch(/^hpk_[\w-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const stored = await storedKey(created.id);
    expect(stored?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const list = await http().get('/v1/api-keys').set(bearer(provider.accessToken)).expect(200);
    const listed = (list.body as { items: Record<string, unknown>[] }).items.find((item) => item.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'listing bot',
      prefix: created.prefix,
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.key);
  });

  it('authenticates with either header, as the key owner with their role', async () => {
    const { key } = await createKey(provider);
    const viaScheme = await http().get('/v1/me').set('authorization', `ApiKey ${key}`).expect(200);
    const viaHeader = await http().get('/v1/me').set('x-api-key', key).expect(200);
    expect(viaScheme.body).toMatchObject({ id: provider.id, role: 'provider' });
    expect(viaHeader.body).toMatchObject({ id: provider.id, role: 'provider' });
    await http().get('/v1/me').set('x-api-key', `${key}x`).expect(401);
  });

  it('cannot manage keys itself, so a leaked key cannot mint more', async () => {
    const { key } = await createKey(provider);
    await http().post('/v1/api-keys').set('x-api-key', key).send({ name: 'more' }).expect(401);
    await http().get('/v1/api-keys').set('x-api-key', key).expect(401);
  });

  it('stops working once revoked', async () => {
    const created = await createKey(provider);
    await http().get('/v1/me').set('x-api-key', created.key).expect(200);
    await http().delete(`/v1/api-keys/${created.id}`).set(bearer(provider.accessToken)).expect(204);
    const refused = await http().get('/v1/me').set('x-api-key', created.key);
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await storedKey(created.id))?.revoked_at).toBeInstanceOf(Date);
    await http().delete(`/v1/api-keys/${created.id}`).set(bearer(provider.accessToken)).expect(204);
  });

  describe("another account's key", () => {
    it('is not listed', async () => {
      const created = await createKey(provider);
      const list = await http().get('/v1/api-keys').set(bearer(renter.accessToken)).expect(200);
      const ids = (list.body as { items: { id: string }[] }).items.map((item) => item.id);
      expect(ids).not.toContain(created.id);
    });

    it('answers 404 to a revoke and stays live and unchanged', async () => {
      const created = await createKey(provider);
      const before = await storedKey(created.id);
      const response = await http().delete(`/v1/api-keys/${created.id}`).set(bearer(renter.accessToken));
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: 'urn:hashproof:problem:api-key-not-found', status: 404 });
      expect(await storedKey(created.id)).toEqual(before);
      expect(before?.revoked_at).toBeNull();
      await http().get('/v1/me').set('x-api-key', created.key).expect(200);
    });

    it('answers 404 for an id that does not exist at all, the same way', async () => {
      const response = await http()
        .delete('/v1/api-keys/00000000-0000-4000-8000-000000000000')
        .set(bearer(renter.accessToken));
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: 'urn:hashproof:problem:api-key-not-found' });
    });
  });

  it('validates input: unknown fields, empty names and malformed ids', async () => {
    const extra = await http()
      .post('/v1/api-keys')
      .set(bearer(provider.accessToken))
      .send({ name: 'x', accountId: renter.id });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([{ field: 'accountId', message: 'unknown field' }]);
    await http().post('/v1/api-keys').set(bearer(provider.accessToken)).send({ name: '  ' }).expect(400);
    const badId = await http().delete('/v1/api-keys/not-a-uuid').set(bearer(provider.accessToken));
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
  });

  it('requires authentication for every route', async () => {
    await http().get('/v1/api-keys').expect(401);
    await http().post('/v1/api-keys').send({ name: 'x' }).expect(401);
    await http().delete('/v1/api-keys/00000000-0000-4000-8000-000000000000').expect(401);
  });
});
