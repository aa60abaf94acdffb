import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  connectAsAdmin,
  freePort,
  type ServiceProcess,
  startDevPool,
  startStripeStandIn,
  type StripeStandInProcess,
  stopProcess,
} from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import request from 'supertest';
import { startContractsProcess } from '../listings/testing/listing-services';
import { bearer, signUp, startGateway, type TestAccount, seedAndLogInAdmin } from '../testing/gateway-test-bench';
import { startPoolCheckingVerifier } from '../testing/pool-checking-verifier';

jest.setTimeout(180_000);

const runId = randomUUID().slice(0, 8);
const TH = 1_000_000_000_000n;

/** A stable group, moved to the ends of the verifier's topics: this suite needs none of their backlog. */
const verifierGroup = 'hashrate-verifier-rentals-it';

interface Rental {
  id: string;
  listingId: string;
  renterId: string;
  status: string;
  hashrate: string;
  priceMinor: number;
  pool: { url: string; worker: string } | null;
  stratum: { url: string; credential: string } | null;
}

interface Problem {
  type: string;
  status: number;
  detail: string;
  errorId: string;
  errors?: { field: string; message: string }[];
}

/**
 * Every renter route through the gateway's HTTP API: the verifier checks the pool, the built contracts
 * service (with the Stripe stand-in behind it) sells, and each caller gets only what is theirs.
 */
describe('renting hash rate over HTTP', () => {
  let standIn: StripeStandInProcess;
  let contracts: ServiceProcess;
  let verifier: ServiceProcess;
  let devPool: ChildProcess;
  let poolUrl: string;
  let app: NestFastifyApplication;
  let db: Client;
  let provider: TestAccount;
  let renter: TestAccount;
  let otherRenter: TestAccount;
  let adminToken: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await connectAsAdmin();
    standIn = await startStripeStandIn();
    [contracts, verifier] = await Promise.all([
      startContractsProcess(standIn.url, `rentals-${runId}`),
      startPoolCheckingVerifier(verifierGroup),
    ]);
    const poolPort = await freePort();
    devPool = await startDevPool(poolPort, []);
    poolUrl = `stratum+tcp://127.0.0.1:${poolPort}`;
    app = await startGateway({
      CONTRACTS_URL: `http://127.0.0.1:${contracts.httpPort}`,
      VERIFIER_URL: `http://127.0.0.1:${verifier.httpPort}`,
    });
    provider = await signUp(app, 'provider', 'rentals-provider');
    renter = await signUp(app, 'renter', 'rentals-renter');
    otherRenter = await signUp(app, 'renter', 'rentals-other');
    adminToken = (await seedAndLogInAdmin(app, 'admin-rentals')).accessToken;
    await db.query(
      `INSERT INTO contracts.provider_capacities
         (provider_id, verified_hashrate, claimed_hashrate, passed, check_id, completed_at)
       VALUES ($1, $2, $2, true, $3, now())`,
      [provider.id, (10_000n * TH).toString(), randomUUID()],
    );
    await db.query(
      `INSERT INTO contracts.provider_payout_accounts (provider_id, stripe_account_id, payouts_enabled, updated_by)
       VALUES ($1, 'acct_rentalsTest', true, 'test')`,
      [provider.id],
    );
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([contracts?.stop(), verifier?.stop(), standIn?.stop()]);
    if (devPool) await stopProcess(devPool);
    await db?.end();
  });

  async function liveListing(hashrate = 100n * TH): Promise<string> {
    const created = await http()
      .post('/v1/listings')
      .set(bearer(provider.accessToken))
      .send({
        hashrate: hashrate.toString(),
        minDurationSeconds: 3_600,
        maxDurationSeconds: 7 * 86_400,
        pricePerThDayMinor: 1_000,
        currency: 'USD',
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await http().post(`/v1/listings/${id}/publish`).set(bearer(provider.accessToken)).expect(200);
    return id;
  }

  const purchase = (listingId: string, hashrate = 10n * TH, overrides: object = {}) => ({
    listingId,
    hashrate: hashrate.toString(),
    durationSeconds: 86_400,
    pool: { url: poolUrl, worker: 'renter.rig1', password: 'secret' },
    ...overrides,
  });

  const rent = (token: string, body: object) => http().post('/v1/rentals').set(bearer(token)).send(body);

  async function rentOk(listingId: string, token = renter.accessToken, hashrate = 10n * TH): Promise<Rental> {
    const response = await rent(token, purchase(listingId, hashrate));
    expect(response.status).toBe(201);
    return (response.body as { rental: Rental }).rental;
  }

  async function statusOf(rentalId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ status: string }>('SELECT status FROM contracts.rentals WHERE id = $1', [
      rentalId,
    ]);
    return rows[0]?.status;
  }

  async function rentalsOfRenter(renterId: string): Promise<number> {
    const { rows } = await db.query('SELECT 1 FROM contracts.rentals WHERE renter_id = $1', [renterId]);
    return rows.length;
  }

  function expectProblem(response: request.Response, status: number, type?: string): Problem {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.body as Problem;
    expect(problem.errorId).toMatch(/^[0-9a-f-]{36}$/);
    if (type) expect(problem.type).toBe(`urn:hashproof:problem:${type}`);
    return problem;
  }

  describe('POST /v1/rentals', () => {
    it('rents after the pool check: priced server-side, awaiting payment, with the intent to pay', async () => {
      const listingId = await liveListing();
      const response = await rent(renter.accessToken, purchase(listingId, 10n * TH));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        rental: expect.objectContaining({
          listingId,
          renterId: renter.id,
          providerId: provider.id,
          status: 'pending_payment',
          hashrate: (10n * TH).toString(),
          priceMinor: 10_000,
          currency: 'USD',
          pool: { url: poolUrl, worker: 'renter.rig1' },
          stratum: null,
          paymentHoldExpiresAt: expect.any(String),
        }),
        payment: {
          paymentIntentId: expect.stringMatching(/^pi_/),
          clientSecret: expect.any(String),
          holdExpiresAt: expect.any(String),
        },
      });
      expect(JSON.stringify(response.body)).not.toContain('secret"');
    });

    it('returns the same rental for the same Idempotency-Key', async () => {
      const listingId = await liveListing();
      const key = randomUUID();
      const send = () =>
        http()
          .post('/v1/rentals')
          .set(bearer(renter.accessToken))
          .set('idempotency-key', key)
          .send(purchase(listingId));
      const first = await send().expect(201);
      const second = await send().expect(201);
      expect(second.body).toEqual(first.body);
      expectProblem(
        await http().post('/v1/rentals').set(bearer(renter.accessToken)).set('idempotency-key', 'bad key').send({}),
        400,
      );
    });

    it('refuses a failing pool with 422 and its reason, opening and charging nothing', async () => {
      const listingId = await liveListing();
      const before = await rentalsOfRenter(otherRenter.id);
      const closed = `stratum+tcp://127.0.0.1:${await freePort()}`;
      const response = await rent(
        otherRenter.accessToken,
        purchase(listingId, 10n * TH, { pool: { url: closed, worker: 'w' } }),
      );
      expect(expectProblem(response, 422, 'pool-check-failed').detail).toMatch(
        /^the pool check failed \(unreachable\)/,
      );
      expect(await rentalsOfRenter(otherRenter.id)).toBe(before);
    });

    it('is for renters only, needs a caller, and takes no price or other unknown field', async () => {
      const listingId = await liveListing();
      expectProblem(await rent(provider.accessToken, purchase(listingId)), 403);
      expectProblem(await rent(adminToken, purchase(listingId)), 403);
      expectProblem(await http().post('/v1/rentals').send(purchase(listingId)), 401);
      const priced = await rent(otherRenter.accessToken, purchase(listingId, 10n * TH, { priceMinor: 1 }));
      expect(expectProblem(priced, 400, 'validation').errors).toContainEqual({
        field: 'priceMinor',
        message: 'unknown field',
      });
      expectProblem(await rent(otherRenter.accessToken, purchase(randomUUID())), 404, 'listing-not-found');
      expectProblem(await rent(otherRenter.accessToken, purchase(listingId, 101n * TH)), 409, 'capacity-exhausted');
      expect(await rentalsOfRenter(otherRenter.id)).toBe(0);
    });

    it('sells the last 50 TH/s to exactly 10 of 20 parallel purchases of 5 TH/s; the rest get 409', async () => {
      const listingId = await liveListing(100n * TH);
      await rentOk(listingId, renter.accessToken, 50n * TH);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => rent(otherRenter.accessToken, purchase(listingId, 5n * TH))),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(10);
      expect(statuses.filter((status) => status === 409)).toHaveLength(10);
      for (const response of responses.filter(({ status }) => status === 409)) {
        expectProblem(response, 409, 'capacity-exhausted');
      }
      const listing = await http().get(`/v1/listings/${listingId}`).set(bearer(provider.accessToken)).expect(200);
      expect(listing.body).toMatchObject({ rentedHashrate: (100n * TH).toString(), availableHashrate: '0' });
    });
  });

  describe('GET /v1/rentals', () => {
    it('lists a renter’s own, an admin’s all (filtered); providers are sent to their own route', async () => {
      const listingId = await liveListing();
      const rental = await rentOk(listingId);
      const own = await http().get('/v1/rentals').query({ listingId }).set(bearer(renter.accessToken)).expect(200);
      expect((own.body as { items: Rental[] }).items.map(({ id }) => id)).toEqual([rental.id]);
      const other = await http()
        .get('/v1/rentals')
        .query({ listingId })
        .set(bearer(otherRenter.accessToken))
        .expect(200);
      expect(other.body).toEqual({ items: [], nextCursor: null });
      const all = await http()
        .get('/v1/rentals')
        .query({ listingId, status: 'pending_payment' })
        .set(bearer(adminToken))
        .expect(200);
      expect((all.body as { items: Rental[] }).items.map(({ id }) => id)).toEqual([rental.id]);
      expectProblem(await http().get('/v1/rentals').set(bearer(provider.accessToken)), 403);
      expectProblem(await http().get('/v1/rentals'), 401);
      const unknown = await http().get('/v1/rentals').query({ renter: 'x' }).set(bearer(renter.accessToken));
      expect(expectProblem(unknown, 400, 'validation').errors).toContainEqual({
        field: 'renter',
        message: 'unknown field',
      });
    });

    it('pages by cursor', async () => {
      const listingId = await liveListing();
      const ids = [await rentOk(listingId), await rentOk(listingId), await rentOk(listingId)].map(({ id }) => id);
      const first = await http().get('/v1/rentals').query({ listingId, limit: 2 }).set(bearer(renter.accessToken));
      const page = first.body as { items: Rental[]; nextCursor: string };
      const second = await http()
        .get('/v1/rentals')
        .query({ listingId, limit: 2, cursor: page.nextCursor })
        .set(bearer(renter.accessToken));
      const all = [...page.items, ...(second.body as { items: Rental[] }).items].map(({ id }) => id);
      expect(all.sort()).toEqual([...ids].sort());
    });
  });

  describe('GET /v1/rentals/{rentalId}', () => {
    it('shows its renter the pool, its provider not the pool, an admin both; others get 404', async () => {
      const rental = await rentOk(await liveListing());
      const path = `/v1/rentals/${rental.id}`;
      const own = await http().get(path).set(bearer(renter.accessToken)).expect(200);
      expect(own.body).toMatchObject({ id: rental.id, pool: { url: poolUrl, worker: 'renter.rig1' }, stratum: null });
      expect(own.body).not.toHaveProperty('pool.password');
      const seenByProvider = await http().get(path).set(bearer(provider.accessToken)).expect(200);
      expect(seenByProvider.body).toMatchObject({ id: rental.id, pool: null });
      const seenByAdmin = await http().get(path).set(bearer(adminToken)).expect(200);
      expect(seenByAdmin.body).toMatchObject({ id: rental.id, pool: { url: poolUrl, worker: 'renter.rig1' } });
      expectProblem(await http().get(path).set(bearer(otherRenter.accessToken)), 404, 'rental-not-found');
      expectProblem(await http().get(`/v1/rentals/${randomUUID()}`).set(bearer(renter.accessToken)), 404);
      expectProblem(await http().get(path), 401);
      const unknown = await http().get(path).query({ expand: 'pool' }).set(bearer(renter.accessToken));
      expect(expectProblem(unknown, 400, 'validation').errors).toContainEqual({
        field: 'expand',
        message: 'unknown field',
      });
    });
  });

  describe('POST /v1/rentals/{rentalId}/cancel', () => {
    it('cancels for its renter before the start; another renter gets 404, its provider 403, nothing changes', async () => {
      const listingId = await liveListing();
      const rental = await rentOk(listingId, renter.accessToken, 30n * TH);
      const path = `/v1/rentals/${rental.id}/cancel`;
      expectProblem(await http().post(path).set(bearer(otherRenter.accessToken)), 404, 'rental-not-found');
      expectProblem(await http().post(path).set(bearer(provider.accessToken)), 403, 'forbidden');
      expectProblem(await http().post(path), 401);
      const unknown = await http().post(path).set(bearer(renter.accessToken)).send({ reason: 'x' });
      expect(expectProblem(unknown, 400, 'validation').errors).toContainEqual({
        field: 'reason',
        message: 'unknown field',
      });
      expect(await statusOf(rental.id)).toBe('pending_payment');

      const cancelled = await http().post(path).set(bearer(renter.accessToken)).expect(200);
      expect(cancelled.body).toMatchObject({ id: rental.id, status: 'cancelled', paymentHoldExpiresAt: null });
      const listing = await http().get(`/v1/listings/${listingId}`).set(bearer(renter.accessToken)).expect(200);
      expect(listing.body).toMatchObject({ rentedHashrate: '0' });
    });

    it('lets an admin cancel before the start', async () => {
      const rental = await rentOk(await liveListing());
      await http().post(`/v1/rentals/${rental.id}/cancel`).set(bearer(adminToken)).expect(200);
      expect(await statusOf(rental.id)).toBe('cancelled');
    });

    it('cancels a started rental pro rata for its renter: 404 for another renter, and a repeat changes nothing', async () => {
      const listingId = await liveListing();
      const started = await rentOk(listingId, renter.accessToken, 30n * TH);
      // Stands for the payment's webhook having started it.
      const credential = `hp_${randomUUID().replaceAll('-', '')}`;
      await db.query(
        `UPDATE contracts.rentals SET status = 'active', starts_at = now(), ends_at = now() + interval '1 day',
           stratum_credential = $2 WHERE id = $1`,
        [started.id, credential],
      );
      const seenByProvider = await http().get(`/v1/rentals/${started.id}`).set(bearer(provider.accessToken));
      expect(seenByProvider.body).toMatchObject({ stratum: { url: expect.any(String), credential } });
      const seenByRenter = await http().get(`/v1/rentals/${started.id}`).set(bearer(renter.accessToken));
      expect(seenByRenter.body).toMatchObject({ stratum: null, settlement: null });

      const path = `/v1/rentals/${started.id}/cancel`;
      expectProblem(await http().post(path).set(bearer(otherRenter.accessToken)), 404, 'rental-not-found');
      expectProblem(await http().post(path).set(bearer(provider.accessToken)), 403, 'forbidden');
      expect(await statusOf(started.id)).toBe('active');

      const cancelled = await http().post(path).set(bearer(renter.accessToken)).expect(200);
      expect(cancelled.body).toMatchObject({ id: started.id, status: 'cancelled', settlement: null });
      const listing = await http().get(`/v1/listings/${listingId}`).set(bearer(renter.accessToken)).expect(200);
      expect(listing.body).toMatchObject({ rentedHashrate: '0' });
      const again = await http().post(path).set(bearer(renter.accessToken)).expect(200);
      expect(again.body).toEqual(cancelled.body);
      const { rows } = await db.query<{ actor: string; reason: string }>(
        `SELECT actor, reason FROM contracts.rental_transitions WHERE rental_id = $1 AND to_status = 'cancelled'`,
        [started.id],
      );
      expect(rows).toEqual([{ actor: `renter:${renter.id}`, reason: expect.stringContaining('pro rata') }]);
    });

    it('refuses a disputed rental until its dispute is resolved', async () => {
      const disputed = await rentOk(await liveListing());
      await db.query(
        `UPDATE contracts.rentals SET status = 'disputed', starts_at = now(), ends_at = now() + interval '1 day',
           stratum_credential = $2 WHERE id = $1`,
        [disputed.id, `hp_${randomUUID().replaceAll('-', '')}`],
      );
      const refused = await http().post(`/v1/rentals/${disputed.id}/cancel`).set(bearer(renter.accessToken));
      expect(expectProblem(refused, 409, 'rental-disputed').detail).toContain('resolved the dispute');
      expect(await statusOf(disputed.id)).toBe('disputed');
    });
  });

  describe('the money outcome of a settled rental', () => {
    it('shows its renter, its provider and admins what the provider earned and the renter got back', async () => {
      const rental = await rentOk(await liveListing());
      // Stands for payouts' settlement of the ended rental (10,000 minor units).
      await db.query(
        `UPDATE contracts.rentals SET status = 'settled', starts_at = now() - interval '1 day', ends_at = now(),
           stratum_credential = $2, provider_earnings_minor = 7500, renter_refund_minor = 2500 WHERE id = $1`,
        [rental.id, `hp_${randomUUID().replaceAll('-', '')}`],
      );
      for (const token of [renter.accessToken, provider.accessToken, adminToken]) {
        const seen = await http().get(`/v1/rentals/${rental.id}`).set(bearer(token)).expect(200);
        expect(seen.body).toMatchObject({
          status: 'settled',
          priceMinor: 10_000,
          settlement: { providerEarningsMinor: 7_500, renterRefundMinor: 2_500 },
        });
      }
      const listed = await http().get('/v1/rentals').query({ status: 'settled' }).set(bearer(renter.accessToken));
      expect((listed.body as { items: Rental[] }).items).toContainEqual(
        expect.objectContaining({
          id: rental.id,
          settlement: { providerEarningsMinor: 7_500, renterRefundMinor: 2_500 },
        }),
      );
    });
  });
});
