import { randomBytes, randomUUID } from 'node:crypto';
import { connectAsAdmin, type ServiceProcess } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import request from 'supertest';
import { startContractsProcess } from '../listings/testing/listing-services';
import { bearer, signUp, startGateway, type TestAccount, seedAndLogInAdmin } from '../testing/gateway-test-bench';

jest.setTimeout(180_000);

const runId = randomUUID().slice(0, 8);

interface Problem {
  type: string;
  status: number;
  detail: string;
  errorId: string;
  from?: string;
  to?: string;
  errors?: { field: string; message: string }[];
}

/**
 * Every rental-lifecycle route through the gateway's HTTP API, served by the built contracts service as a
 * process: what the renter, the provider, another renter and provider, an admin and an anonymous caller each
 * get, and that whoever is refused changes nothing.
 */
describe('rental disputes, termination and the audit trail over HTTP', () => {
  let contracts: ServiceProcess;
  let app: NestFastifyApplication;
  let db: Client;
  let renter: TestAccount;
  let provider: TestAccount;
  let otherRenter: TestAccount;
  let otherProvider: TestAccount;
  let adminToken: string;
  let adminId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    // Nothing here reaches Stripe.
    contracts = await startContractsProcess('http://127.0.0.1:9', `rental-admin-${runId}`);
    app = await startGateway({ CONTRACTS_URL: `http://127.0.0.1:${contracts.httpPort}` });
    db = await connectAsAdmin();
    [renter, provider, otherRenter, otherProvider] = await Promise.all([
      signUp(app, 'renter'),
      signUp(app, 'provider'),
      signUp(app, 'renter', 'other-renter'),
      signUp(app, 'provider', 'other-provider'),
    ]);
    adminToken = (await seedAndLogInAdmin(app, 'rental-admin')).accessToken;
    adminId = ((await http().get('/v1/me').set(bearer(adminToken)).expect(200)).body as { id: string }).id;
  });

  afterAll(async () => {
    await app?.close();
    await contracts?.stop();
    await db?.end();
  });

  /** A running rental of the renter's from the provider, as payment would have left it. */
  async function rental(status: 'active' | 'disputed' | 'terminated' = 'active'): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO contracts.rentals
         (id, listing_id, provider_id, renter_id, hashrate, duration_seconds, price_minor, currency, status,
          pool_url, pool_worker, pool_password, stratum_credential, starts_at, ends_at, version)
       VALUES ($1, $2, $3, $4, 50000000000000, 604800, 125000, 'USD', $5,
               'stratum+tcp://127.0.0.1:3334', 'renter.rig', 'x', $6, now(), now() + interval '7 days', 1)`,
      [id, randomUUID(), provider.id, renter.id, status, `hp_${randomBytes(18).toString('base64url')}`],
    );
    await db.query(
      `INSERT INTO contracts.rental_transitions (rental_id, from_status, to_status, actor, reason)
       VALUES ($1, NULL, 'pending_payment', $2, NULL), ($1, 'pending_payment', 'active', 'stripe:evt_test', NULL)`,
      [id, `renter:${renter.id}`],
    );
    return id;
  }

  async function statusOf(rentalId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ status: string }>('SELECT status FROM contracts.rentals WHERE id = $1', [
      rentalId,
    ]);
    return rows[0]?.status;
  }

  async function trailLength(rentalId: string): Promise<number> {
    const { rows } = await db.query<{ count: string }>(
      'SELECT count(*) FROM contracts.rental_transitions WHERE rental_id = $1',
      [rentalId],
    );
    return Number(rows[0]?.count);
  }

  function expectProblem(response: request.Response, status: number, type?: string): Problem {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.body as Problem;
    expect(problem.errorId).toMatch(/^[0-9a-f-]{36}$/);
    if (type) expect(problem.type).toBe(`urn:hashproof:problem:${type}`);
    return problem;
  }

  function expectUnknownField(response: request.Response, field: string) {
    expect(expectProblem(response, 400, 'validation').errors).toContainEqual({ field, message: 'unknown field' });
  }

  /** Each refused caller leaves the rental as it was: same status, no new audit row. */
  async function expectUnchanged(rentalId: string, refusals: () => Promise<void>) {
    const [status, length] = [await statusOf(rentalId), await trailLength(rentalId)];
    await refusals();
    expect(await statusOf(rentalId)).toBe(status);
    expect(await trailLength(rentalId)).toBe(length);
  }

  describe('POST /v1/rentals/{rentalId}/dispute', () => {
    const path = (rentalId: string) => `/v1/rentals/${rentalId}/dispute`;
    const body = { reason: 'the pool sees half the rate' };

    it('disputes for its renter and for an admin', async () => {
      const byRenter = await rental();
      const answer = await http().post(path(byRenter)).set(bearer(renter.accessToken)).send(body).expect(200);
      expect(answer.body).toEqual({
        rentalId: byRenter,
        from: 'active',
        to: 'disputed',
        actor: `renter:${renter.id}`,
        reason: body.reason,
        at: expect.any(String),
      });
      expect(await statusOf(byRenter)).toBe('disputed');

      const byAdmin = await rental();
      await http().post(path(byAdmin)).set(bearer(adminToken)).send(body).expect(200);
      expect(await statusOf(byAdmin)).toBe('disputed');
    });

    it('is 404 for another renter and another provider, 403 for its provider, 401 unauthenticated', async () => {
      const rentalId = await rental();
      await expectUnchanged(rentalId, async () => {
        for (const token of [otherRenter.accessToken, otherProvider.accessToken]) {
          expectProblem(await http().post(path(rentalId)).set(bearer(token)).send(body), 404, 'rental-not-found');
        }
        expectProblem(await http().post(path(rentalId)).set(bearer(provider.accessToken)).send(body), 403);
        expectProblem(await http().post(path(rentalId)).send(body), 401);
      });
    });

    it('refuses unknown fields, a missing reason and an illegal transition (409 with from and to)', async () => {
      const rentalId = await rental('disputed');
      await expectUnchanged(rentalId, async () => {
        const token = bearer(renter.accessToken);
        expectUnknownField(
          await http()
            .post(path(rentalId))
            .set(token)
            .send({ ...body, refund: true }),
          'refund',
        );
        expectProblem(await http().post(path(rentalId)).set(token).send({}), 400, 'validation');
        const refused = expectProblem(
          await http().post(path(rentalId)).set(token).send(body),
          409,
          'illegal-rental-transition',
        );
        expect(refused).toMatchObject({ from: 'disputed', to: 'disputed' });
      });
    });
  });

  /** Admins only: any other caller is refused by role (403) before the rental is looked at. */
  function itIsAdminOnly(path: (rentalId: string) => string, body: object) {
    it('is 403 for its renter, its provider, another renter and another provider; 401 unauthenticated', async () => {
      const rentalId = await rental('disputed');
      await expectUnchanged(rentalId, async () => {
        for (const account of [renter, provider, otherRenter, otherProvider]) {
          expectProblem(await http().post(path(rentalId)).set(bearer(account.accessToken)).send(body), 403);
        }
        expectProblem(await http().post(path(rentalId)).send(body), 401);
      });
    });

    it('refuses unknown fields, and is 404 for a rental that does not exist', async () => {
      const rentalId = await rental('disputed');
      await expectUnchanged(rentalId, async () => {
        const token = bearer(adminToken);
        expectUnknownField(
          await http()
            .post(path(rentalId))
            .set(token)
            .send({ ...body, extra: 1 }),
          'extra',
        );
      });
      expectProblem(await http().post(path(randomUUID())).set(bearer(adminToken)).send(body), 404, 'rental-not-found');
    });
  }

  describe('POST /v1/rentals/{rentalId}/resolve-dispute', () => {
    const path = (rentalId: string) => `/v1/rentals/${rentalId}/resolve-dispute`;
    itIsAdminOnly(path, { outcome: 'reinstate', reason: 'renter pool outage' });

    it('reinstates or terminates a disputed rental for an admin; 409 for one not disputed', async () => {
      const reinstated = await rental('disputed');
      const answer = await http()
        .post(path(reinstated))
        .set(bearer(adminToken))
        .send({ outcome: 'reinstate', reason: 'renter pool outage' })
        .expect(200);
      expect(answer.body).toMatchObject({
        from: 'disputed',
        to: 'active',
        actor: `admin:${adminId}`,
        reason: 'dispute rejected: renter pool outage',
      });
      expect(await statusOf(reinstated)).toBe('active');

      const upheld = await rental('disputed');
      await http()
        .post(path(upheld))
        .set(bearer(adminToken))
        .send({ outcome: 'terminate', reason: 'rigs never connected' })
        .expect(200);
      expect(await statusOf(upheld)).toBe('terminated');

      await expectUnchanged(reinstated, async () => {
        const refused = await http()
          .post(path(reinstated))
          .set(bearer(adminToken))
          .send({ outcome: 'terminate', reason: 'again' });
        expect(expectProblem(refused, 409, 'rental-not-disputed')).toMatchObject({ from: 'active' });
      });
    });
  });

  describe('POST /v1/rentals/{rentalId}/terminate', () => {
    const path = (rentalId: string) => `/v1/rentals/${rentalId}/terminate`;
    itIsAdminOnly(path, { reason: 'fraudulent listing' });

    it('terminates for an admin, with the reason on record; a second time is a 409', async () => {
      const rentalId = await rental();
      const answer = await http()
        .post(path(rentalId))
        .set(bearer(adminToken))
        .send({ reason: 'fraudulent listing' })
        .expect(200);
      expect(answer.body).toMatchObject({ from: 'active', to: 'terminated', actor: `admin:${adminId}` });
      await expectUnchanged(rentalId, async () => {
        const refused = await http().post(path(rentalId)).set(bearer(adminToken)).send({ reason: 'again' });
        expect(expectProblem(refused, 409, 'illegal-rental-transition')).toMatchObject({
          from: 'terminated',
          to: 'terminated',
        });
      });
    });
  });

  it('has no settle route: only payouts settles a rental', async () => {
    const rentalId = await rental('terminated');
    await expectUnchanged(rentalId, async () => {
      expectProblem(await http().post(`/v1/rentals/${rentalId}/settle`).set(bearer(adminToken)).send({}), 404);
    });
  });

  describe('GET /v1/rentals/{rentalId}/transitions', () => {
    const path = (rentalId: string) => `/v1/rentals/${rentalId}/transitions`;

    it('shows the audit trail to its renter, its provider and admins; 404 for others, 401 unauthenticated', async () => {
      const rentalId = await rental();
      await http()
        .post(`/v1/rentals/${rentalId}/dispute`)
        .set(bearer(renter.accessToken))
        .send({ reason: 'slow' })
        .expect(200);
      for (const token of [renter.accessToken, provider.accessToken, adminToken]) {
        const answer = await http().get(path(rentalId)).set(bearer(token)).expect(200);
        expect(answer.body).toEqual({
          rentalId,
          items: [
            expect.objectContaining({ from: null, to: 'pending_payment', actor: `renter:${renter.id}` }),
            expect.objectContaining({ from: 'pending_payment', to: 'active', actor: 'stripe:evt_test' }),
            expect.objectContaining({ from: 'active', to: 'disputed', actor: `renter:${renter.id}`, reason: 'slow' }),
          ],
        });
      }
      for (const token of [otherRenter.accessToken, otherProvider.accessToken]) {
        expectProblem(await http().get(path(rentalId)).set(bearer(token)), 404, 'rental-not-found');
      }
      expectProblem(await http().get(path(rentalId)), 401);
      expectUnknownField(await http().get(path(rentalId)).query({ limit: 5 }).set(bearer(renter.accessToken)), 'limit');
    });
  });
});
