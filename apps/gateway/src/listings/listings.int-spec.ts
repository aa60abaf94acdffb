import { randomUUID } from 'node:crypto';
import { connectAsAdmin, type ServiceProcess } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import request from 'supertest';
import { bearer, signUp, startGateway, type TestAccount, seedAndLogInAdmin } from '../testing/gateway-test-bench';
import { startContractsProcess, StripeStandInProcess } from './testing/listing-services';

jest.setTimeout(180_000);

const runId = randomUUID().slice(0, 8);
const TH = 1_000_000_000_000n;

interface Listing {
  id: string;
  providerId: string;
  status: string;
  hashrate: string;
  rentedHashrate: string;
  availableHashrate: string;
  pricePerThDayMinor: number;
  currency: string;
}

interface Problem {
  type: string;
  status: number;
  detail: string;
  errorId: string;
  errors?: { field: string; message: string }[];
}

const terms = (overrides: object = {}) => ({
  hashrate: (50n * TH).toString(),
  minDurationSeconds: 3_600,
  maxDurationSeconds: 7 * 86_400,
  pricePerThDayMinor: 1_000,
  currency: 'USD',
  ...overrides,
});

/**
 * Every listings and payout-account route through the gateway's HTTP API, served by the built contracts
 * service as a process (with the Stripe stand-in behind it): what the owner, another provider, a renter, an
 * admin and an anonymous caller each get, and that whoever is refused changes nothing.
 */
describe('listings and payout accounts over HTTP', () => {
  let standIn: StripeStandInProcess;
  let contracts: ServiceProcess;
  let app: NestFastifyApplication;
  let db: Client;
  let owner: TestAccount;
  let other: TestAccount;
  let renter: TestAccount;
  let adminToken: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    standIn = await StripeStandInProcess.start();
    contracts = await startContractsProcess(standIn.url, runId);
    app = await startGateway({ CONTRACTS_URL: `http://127.0.0.1:${contracts.httpPort}` });
    db = await connectAsAdmin();
    owner = await signUp(app, 'provider', 'owner');
    other = await signUp(app, 'provider', 'other');
    renter = await signUp(app, 'renter');
    adminToken = (await seedAndLogInAdmin(app, 'admin-listings')).accessToken;
    for (const provider of [owner, other]) await grantCapacity(provider.id, 1_000n * TH);
    await connectPayoutAccount(owner.accessToken);
  });

  afterAll(async () => {
    await app?.close();
    await contracts?.stop();
    await standIn?.stop();
    await db?.end();
  });

  /** Stands for a completed capacity check, recorded where contracts keeps them. */
  async function grantCapacity(providerId: string, hashrate: bigint) {
    await db.query(
      `INSERT INTO contracts.provider_capacities
         (provider_id, verified_hashrate, claimed_hashrate, passed, check_id, completed_at)
       VALUES ($1, $2, $2, true, $3, now())`,
      [providerId, hashrate.toString(), randomUUID()],
    );
  }

  async function connectPayoutAccount(token: string, providerId?: string) {
    const stripeAccountId = await standIn.createAccount();
    const response = await http()
      .put('/v1/provider/payout-account')
      .query(providerId ? { providerId } : {})
      .set(bearer(token))
      .send({ stripeAccountId });
    expect(response.status).toBe(200);
    return stripeAccountId;
  }

  async function createListing(token: string, body: object = terms()): Promise<Listing> {
    const response = await http().post('/v1/listings').set(bearer(token)).send(body);
    expect(response.status).toBe(201);
    return response.body as Listing;
  }

  async function row(listingId: string) {
    const { rows } = await db.query<{ status: string; price_per_th_day_minor: string; hashrate: string }>(
      'SELECT status, price_per_th_day_minor, hashrate FROM contracts.listings WHERE id = $1',
      [listingId],
    );
    return rows[0];
  }

  async function payoutAccountOf(providerId: string) {
    const { rows } = await db.query<{ stripe_account_id: string; updated_by: string }>(
      'SELECT stripe_account_id, updated_by FROM contracts.provider_payout_accounts WHERE provider_id = $1',
      [providerId],
    );
    return rows[0];
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

  describe('PUT and GET /v1/provider/payout-account', () => {
    const path = '/v1/provider/payout-account';

    it('connects the provider’s own account, once Stripe says it can receive payouts', async () => {
      const stripeAccountId = await connectPayoutAccount(owner.accessToken);
      const shown = await http().get(path).set(bearer(owner.accessToken)).expect(200);
      expect(shown.body).toEqual({
        providerId: owner.id,
        stripeAccountId,
        payoutsEnabled: true,
        updatedAt: expect.any(String),
      });
      expect(await payoutAccountOf(owner.id)).toEqual({
        stripe_account_id: stripeAccountId,
        updated_by: `provider:${owner.id}`,
      });
    });

    it('refuses an account Stripe does not know, or one that cannot receive payouts, and keeps the old one', async () => {
      const before = await payoutAccountOf(owner.id);
      const unknown = await http()
        .put(path)
        .set(bearer(owner.accessToken))
        .send({ stripeAccountId: 'acct_doesNotExist123' });
      expectProblem(unknown, 400, 'unknown-payout-account');
      const restricted = await standIn.createAccount();
      await standIn.disablePayouts(restricted);
      const refused = await http().put(path).set(bearer(owner.accessToken)).send({ stripeAccountId: restricted });
      expect(expectProblem(refused, 409, 'payouts-not-enabled').detail).toContain('finish its Stripe onboarding');
      expect(await payoutAccountOf(owner.id)).toEqual(before);
    });

    it('keeps each provider to its own: another provider sees none and cannot set the owner’s', async () => {
      const before = await payoutAccountOf(owner.id);
      expectProblem(await http().get(path).set(bearer(other.accessToken)), 404, 'payout-account-not-found');
      const hijack = await http()
        .put(path)
        .query({ providerId: owner.id })
        .set(bearer(other.accessToken))
        .send({ stripeAccountId: await standIn.createAccount() });
      expectProblem(hijack, 403, 'forbidden');
      expectProblem(await http().get(path).query({ providerId: owner.id }).set(bearer(other.accessToken)), 403);
      expect(await payoutAccountOf(owner.id)).toEqual(before);
      expect(await payoutAccountOf(other.id)).toBeUndefined();
    });

    it('is forbidden to renters, and needs a caller', async () => {
      const body = { stripeAccountId: await standIn.createAccount() };
      expectProblem(await http().put(path).set(bearer(renter.accessToken)).send(body), 403);
      expectProblem(await http().get(path).set(bearer(renter.accessToken)), 403);
      expectProblem(await http().put(path).send(body), 401);
      expectProblem(await http().get(path), 401);
      expect(await payoutAccountOf(renter.id)).toBeUndefined();
    });

    it('lets an admin read and set any provider’s, naming it, with the admin on record', async () => {
      const read = await http().get(path).query({ providerId: owner.id }).set(bearer(adminToken)).expect(200);
      expect(read.body).toMatchObject({ providerId: owner.id });
      expectProblem(await http().get(path).set(bearer(adminToken)), 400, 'provider-not-named');
      const stripeAccountId = await connectPayoutAccount(adminToken, other.id);
      expect(await payoutAccountOf(other.id)).toEqual({
        stripe_account_id: stripeAccountId,
        updated_by: expect.stringMatching(/^admin:/),
      });
    });

    it('refuses unknown fields and malformed ids', async () => {
      const stripeAccountId = await standIn.createAccount();
      expectUnknownField(
        await http().put(path).set(bearer(owner.accessToken)).send({ stripeAccountId, payoutsEnabled: true }),
        'payoutsEnabled',
      );
      expectUnknownField(await http().get(path).query({ verbose: 1 }).set(bearer(owner.accessToken)), 'verbose');
      expectProblem(
        await http().put(path).set(bearer(owner.accessToken)).send({ stripeAccountId: 'ba_123' }),
        400,
        'validation',
      );
      expect((await payoutAccountOf(owner.id))?.stripe_account_id).not.toBe(stripeAccountId);
    });
  });

  describe('POST /v1/listings', () => {
    it('creates a draft for its provider', async () => {
      const listing = await createListing(owner.accessToken);
      expect(listing).toEqual({
        id: expect.any(String),
        providerId: owner.id,
        status: 'draft',
        algorithm: 'sha256d',
        hashrate: (50n * TH).toString(),
        rentedHashrate: '0',
        availableHashrate: '0',
        minDurationSeconds: 3_600,
        maxDurationSeconds: 7 * 86_400,
        pricePerThDayMinor: 1_000,
        currency: 'USD',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await row(listing.id)).toMatchObject({ status: 'draft' });
    });

    it('is forbidden to renters and to a provider naming another, and needs a caller', async () => {
      const count = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              'SELECT count(*) AS n FROM contracts.listings WHERE provider_id = ANY($1::uuid[])',
              [[owner.id, renter.id]],
            )
          ).rows[0]?.n,
        );
      const before = await count();
      expectProblem(await http().post('/v1/listings').set(bearer(renter.accessToken)).send(terms()), 403);
      expectProblem(
        await http()
          .post('/v1/listings')
          .set(bearer(other.accessToken))
          .send(terms({ providerId: owner.id })),
        403,
        'forbidden',
      );
      expectProblem(await http().post('/v1/listings').send(terms()), 401);
      expect(await count()).toBe(before);
    });

    it('lets an admin list for a provider it names', async () => {
      expectProblem(await http().post('/v1/listings').set(bearer(adminToken)).send(terms()), 400, 'provider-not-named');
      const listing = await createListing(adminToken, terms({ providerId: owner.id }));
      expect(listing).toMatchObject({ providerId: owner.id, status: 'draft' });
    });

    it('refuses unknown fields and terms that break the listing rules', async () => {
      expectUnknownField(
        await http()
          .post('/v1/listings')
          .set(bearer(owner.accessToken))
          .send(terms({ status: 'live' })),
        'status',
      );
      expectProblem(
        await http()
          .post('/v1/listings')
          .set(bearer(owner.accessToken))
          .send(terms({ hashrate: 50e12 })),
        400,
        'validation',
      );
      const crossed = await http()
        .post('/v1/listings')
        .set(bearer(owner.accessToken))
        .send(terms({ minDurationSeconds: 86_400, maxDurationSeconds: 3_600 }));
      expect(expectProblem(crossed, 400, 'invalid-listing-terms').detail).toBe(
        'minDurationSeconds must not exceed maxDurationSeconds',
      );
      expectProblem(
        await http()
          .post('/v1/listings')
          .set(bearer(owner.accessToken))
          .send(terms({ currency: 'XYZ' })),
        400,
        'invalid-listing-terms',
      );
    });
  });

  describe('GET /v1/listings/{listingId}', () => {
    it('shows a draft to its provider and admins only, a live listing to everyone signed in', async () => {
      const listing = await createListing(owner.accessToken);
      const get = (token?: string) => {
        const call = http().get(`/v1/listings/${listing.id}`);
        return token ? call.set(bearer(token)) : call;
      };
      expect((await get(owner.accessToken).expect(200)).body).toMatchObject({ id: listing.id, status: 'draft' });
      expect((await get(adminToken).expect(200)).body).toMatchObject({ id: listing.id });
      expectProblem(await get(other.accessToken), 404, 'listing-not-found');
      expectProblem(await get(renter.accessToken), 404, 'listing-not-found');
      expectProblem(await get(), 401);

      await http().post(`/v1/listings/${listing.id}/publish`).set(bearer(owner.accessToken)).expect(200);
      expect((await get(renter.accessToken).expect(200)).body).toMatchObject({
        status: 'live',
        availableHashrate: (50n * TH).toString(),
      });
      expect((await get(other.accessToken).expect(200)).body).toMatchObject({ status: 'live' });
    });

    it('answers 404 for no such listing and 400 for a malformed id or an unknown parameter', async () => {
      const listing = await createListing(owner.accessToken);
      expectProblem(
        await http().get(`/v1/listings/${randomUUID()}`).set(bearer(owner.accessToken)),
        404,
        'listing-not-found',
      );
      expectProblem(await http().get('/v1/listings/not-a-uuid').set(bearer(owner.accessToken)), 400, 'validation');
      expectUnknownField(
        await http().get(`/v1/listings/${listing.id}`).query({ expand: 'rentals' }).set(bearer(owner.accessToken)),
        'expand',
      );
    });

    it('reuses a live page for a second, but a change relayed through the gateway shows at once', async () => {
      const listing = await createListing(owner.accessToken);
      await http().post(`/v1/listings/${listing.id}/publish`).set(bearer(owner.accessToken)).expect(200);
      const get = (token: string) => http().get(`/v1/listings/${listing.id}`).set(bearer(token));
      expect((await get(renter.accessToken).expect(200)).body).toMatchObject({ hashrate: (50n * TH).toString() });

      // Changed behind the gateway's back: the page read a moment ago is still the answer, for any caller.
      await db.query('UPDATE contracts.listings SET hashrate = $2 WHERE id = $1', [listing.id, (40n * TH).toString()]);
      expect((await get(other.accessToken).expect(200)).body).toMatchObject({ hashrate: (50n * TH).toString() });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await get(renter.accessToken).expect(200)).body).toMatchObject({ hashrate: (40n * TH).toString() });

      await http().post(`/v1/listings/${listing.id}/pause`).set(bearer(owner.accessToken)).expect(200);
      expectProblem(await get(renter.accessToken), 404, 'listing-not-found');
      expect((await get(owner.accessToken).expect(200)).body).toMatchObject({ status: 'paused' });
      expectProblem(await get(other.accessToken), 404, 'listing-not-found');
    });
  });

  describe('PATCH /v1/listings/{listingId}', () => {
    it('changes the terms for the owner and admins; for anyone else nothing changes', async () => {
      const listing = await createListing(owner.accessToken);
      const patch = (body: object, token?: string) => {
        const call = http().patch(`/v1/listings/${listing.id}`);
        return (token ? call.set(bearer(token)) : call).send(body);
      };
      expectProblem(await patch({ pricePerThDayMinor: 1 }, other.accessToken), 404, 'listing-not-found');
      expectProblem(await patch({ pricePerThDayMinor: 1 }, renter.accessToken), 403);
      expectProblem(await patch({ pricePerThDayMinor: 1 }), 401);
      expectUnknownField(await patch({ pricePerThDayMinor: 1, providerId: other.id }, owner.accessToken), 'providerId');
      expectProblem(await patch({}, owner.accessToken), 400, 'validation');
      expect(await row(listing.id)).toMatchObject({ price_per_th_day_minor: '1000' });

      expect((await patch({ pricePerThDayMinor: 1_200 }, owner.accessToken).expect(200)).body).toMatchObject({
        pricePerThDayMinor: 1_200,
      });
      expect((await patch({ hashrate: (40n * TH).toString() }, adminToken).expect(200)).body).toMatchObject({
        hashrate: (40n * TH).toString(),
        pricePerThDayMinor: 1_200,
      });
    });

    it('refuses to edit a live listing: it is paused first', async () => {
      const listing = await createListing(owner.accessToken);
      await http().post(`/v1/listings/${listing.id}/publish`).set(bearer(owner.accessToken)).expect(200);
      const refused = await http()
        .patch(`/v1/listings/${listing.id}`)
        .set(bearer(owner.accessToken))
        .send({ pricePerThDayMinor: 1 });
      expect(expectProblem(refused, 409, 'listing-not-editable').detail).toBe(
        'a live listing cannot be edited: pause it, edit it, then resume it',
      );
      expect(await row(listing.id)).toMatchObject({ status: 'live', price_per_th_day_minor: '1000' });
    });
  });

  describe('POST /v1/listings/{listingId}/publish|pause|resume|retire', () => {
    const action = (listingId: string, verb: string, token?: string, body?: object) => {
      const call = http().post(`/v1/listings/${listingId}/${verb}`);
      const authorized = token ? call.set(bearer(token)) : call;
      return body === undefined ? authorized : authorized.send(body);
    };

    /** Another provider finds nothing, a renter is forbidden, nobody is unauthenticated, extra fields are refused: and the listing stays as it was. */
    async function expectOnlyOwnerAndAdmin(listingId: string, verb: string) {
      const before = await row(listingId);
      expectProblem(await action(listingId, verb, other.accessToken), 404, 'listing-not-found');
      expectProblem(await action(listingId, verb, renter.accessToken), 403);
      expectProblem(await action(listingId, verb), 401);
      expectUnknownField(await action(listingId, verb, owner.accessToken, { force: true }), 'force');
      expect(await row(listingId)).toEqual(before);
    }

    it('takes a listing through its lifecycle, for its owner and admins only', async () => {
      const listing = await createListing(owner.accessToken);

      await expectOnlyOwnerAndAdmin(listing.id, 'publish');
      expect((await action(listing.id, 'publish', owner.accessToken, {}).expect(200)).body).toMatchObject({
        status: 'live',
      });

      await expectOnlyOwnerAndAdmin(listing.id, 'pause');
      expect((await action(listing.id, 'pause', owner.accessToken).expect(200)).body).toMatchObject({
        status: 'paused',
      });

      await expectOnlyOwnerAndAdmin(listing.id, 'resume');
      expect((await action(listing.id, 'resume', adminToken).expect(200)).body).toMatchObject({ status: 'live' });
      expect((await action(listing.id, 'pause', adminToken).expect(200)).body).toMatchObject({ status: 'paused' });

      await expectOnlyOwnerAndAdmin(listing.id, 'retire');
      expect((await action(listing.id, 'retire', adminToken).expect(200)).body).toMatchObject({ status: 'retired' });
      const final = await action(listing.id, 'publish', owner.accessToken);
      expect(expectProblem(final, 409, 'listing-transition-refused').detail).toBe(
        'a retired listing cannot publish: retired is final',
      );

      const { rows } = await db.query<{ to_status: string; actor: string }>(
        'SELECT to_status, actor FROM contracts.listing_transitions WHERE listing_id = $1 ORDER BY id',
        [listing.id],
      );
      expect(rows.map(({ to_status, actor }) => `${to_status} by ${actor.split(':')[0]}`)).toEqual([
        'draft by provider',
        'live by provider',
        'paused by provider',
        'live by admin',
        'paused by admin',
        'retired by admin',
      ]);
    });

    it('refuses to go live without a payout account, or beyond the verified capacity', async () => {
      const newcomer = await signUp(app, 'provider', 'newcomer');
      await grantCapacity(newcomer.id, 100n * TH);
      const first = await createListing(newcomer.accessToken, terms({ hashrate: (60n * TH).toString() }));
      const unpaid = await action(first.id, 'publish', newcomer.accessToken);
      expect(expectProblem(unpaid, 409, 'payout-account-not-connected').detail).toContain(
        'PUT /v1/provider/payout-account',
      );
      expect(await row(first.id)).toMatchObject({ status: 'draft' });

      await connectPayoutAccount(newcomer.accessToken);
      await action(first.id, 'publish', newcomer.accessToken).expect(200);
      const second = await createListing(newcomer.accessToken, terms({ hashrate: (40n * TH + 1n).toString() }));
      const beyond = await action(second.id, 'publish', newcomer.accessToken);
      expect(expectProblem(beyond, 409, 'verified-capacity-exceeded').detail).toContain(
        'more than the 100000000000000 H/s its latest capacity check verified',
      );
      expect(await row(second.id)).toMatchObject({ status: 'draft' });
    });

    it('answers 404 for no such listing, and for no such action', async () => {
      expectProblem(await action(randomUUID(), 'publish', owner.accessToken), 404, 'listing-not-found');
      expectProblem(await action(randomUUID(), 'delete', owner.accessToken), 404);
    });
  });

  describe('GET /v1/listings', () => {
    const currency = 'CHF';
    let cheap: Listing;
    let dear: Listing;
    let draft: Listing;

    beforeAll(async () => {
      // Only this suite lists in this currency: earlier runs' live listings are retired, so the pages are this run's.
      await db.query(`UPDATE contracts.listings SET status = 'retired' WHERE currency = $1 AND status = 'live'`, [
        currency,
      ]);
      cheap = await createListing(owner.accessToken, terms({ currency, pricePerThDayMinor: 700 }));
      dear = await createListing(owner.accessToken, terms({ currency, pricePerThDayMinor: 900 }));
      draft = await createListing(owner.accessToken, terms({ currency, pricePerThDayMinor: 100 }));
      for (const listing of [cheap, dear]) {
        await http().post(`/v1/listings/${listing.id}/publish`).set(bearer(owner.accessToken)).expect(200);
      }
    });

    const browse = (query: object, token?: string) => {
      const call = http()
        .get('/v1/listings')
        .query({ currency, ...query });
      return token ? call.set(bearer(token)) : call;
    };

    it('shows live listings to every signed-in caller, cheapest first, with the provider’s track record', async () => {
      for (const token of [renter.accessToken, other.accessToken, owner.accessToken, adminToken]) {
        const page = (await browse({}, token).expect(200)).body as {
          items: (Listing & { providerTrackRecord: object })[];
          nextCursor: string | null;
        };
        expect(page.items.map((listing) => listing.id)).toEqual([cheap.id, dear.id]);
        expect(page.items[0]).toMatchObject({
          status: 'live',
          providerTrackRecord: { completedRentals: 0, terminatedRentals: 0 },
        });
        expect(page.nextCursor).toBeNull();
      }
      expect(JSON.stringify((await browse({}, renter.accessToken)).body)).not.toContain(draft.id);
      expectProblem(await browse({}), 401);
    });

    it('filters and pages', async () => {
      const first = await browse({ limit: 1 }, renter.accessToken).expect(200);
      expect((first.body as { items: Listing[] }).items.map(({ id }) => id)).toEqual([cheap.id]);
      const next = await browse(
        { limit: 1, cursor: (first.body as { nextCursor: string }).nextCursor },
        renter.accessToken,
      );
      expect((next.body as { items: Listing[]; nextCursor: null }).items.map(({ id }) => id)).toEqual([dear.id]);
      const filtered = await browse(
        { maxPricePerThDayMinor: 800, minAvailableHashrate: (50n * TH).toString(), durationSeconds: 86_400 },
        renter.accessToken,
      );
      expect((filtered.body as { items: Listing[] }).items.map(({ id }) => id)).toEqual([cheap.id]);
      const stranger = await browse({ providerId: other.id }, renter.accessToken).expect(200);
      expect((stranger.body as { items: Listing[] }).items).toEqual([]);
      expectProblem(await browse({ cursor: 'bm90IG91cnM' }, renter.accessToken), 400, 'invalid-cursor');
    });

    it('refuses unknown parameters', async () => {
      expectUnknownField(await browse({ sort: 'price' }, renter.accessToken), 'sort');
      expectProblem(await browse({ maxPricePerThDayMinor: 'cheap' }, renter.accessToken), 400, 'validation');
    });
  });

  describe('GET /v1/provider/listings', () => {
    const path = '/v1/provider/listings';

    it('lists the provider’s own listings in every status; others’ never', async () => {
      const mine = await createListing(other.accessToken);
      const page = (await http().get(path).query({ limit: 100 }).set(bearer(other.accessToken)).expect(200)).body as {
        items: Listing[];
      };
      expect(page.items.map(({ id }) => id)).toContain(mine.id);
      expect(page.items.every(({ providerId }) => providerId === other.id)).toBe(true);
      const drafts = (await http().get(path).query({ status: 'draft' }).set(bearer(owner.accessToken)).expect(200))
        .body as { items: Listing[] };
      expect(drafts.items.length).toBeGreaterThan(0);
      expect(drafts.items.every((listing) => listing.providerId === owner.id && listing.status === 'draft')).toBe(true);
      expectProblem(await http().get(path).query({ providerId: owner.id }).set(bearer(other.accessToken)), 403);
    });

    it('lets an admin list any provider’s; renters may not; callers must sign in', async () => {
      const page = (await http().get(path).query({ providerId: owner.id }).set(bearer(adminToken)).expect(200))
        .body as { items: Listing[] };
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every(({ providerId }) => providerId === owner.id)).toBe(true);
      expectProblem(await http().get(path).set(bearer(renter.accessToken)), 403);
      expectProblem(await http().get(path), 401);
    });

    it('refuses unknown parameters', async () => {
      expectUnknownField(await http().get(path).query({ owner: 'me' }).set(bearer(owner.accessToken)), 'owner');
    });
  });

  describe('GET /v1/provider/rentals', () => {
    const path = '/v1/provider/rentals';
    let rentalId: string;
    const credential = `hp_${randomUUID().replaceAll('-', '').slice(0, 24)}`;

    beforeAll(async () => {
      const listing = await createListing(owner.accessToken);
      await http().post(`/v1/listings/${listing.id}/publish`).set(bearer(owner.accessToken)).expect(200);
      rentalId = randomUUID();
      // An active rental on the listing, as the purchase and activation would have left it.
      await db.query(
        `INSERT INTO contracts.rentals (id, listing_id, provider_id, renter_id, hashrate, duration_seconds,
           price_minor, currency, status, pool_url, pool_worker, pool_password, stratum_credential, starts_at, ends_at,
           version)
         VALUES ($1, $2, $3, $4, $5, 86400, 50000, 'USD', 'active', 'stratum+tcp://pool.example.com:3333',
           'renter.secret-worker', 'secret', $6, now(), now() + interval '1 day', 1)`,
        [rentalId, listing.id, owner.id, renter.id, (10n * TH).toString(), credential],
      );
    });

    it('shows the provider its rentals with where and how its rigs mine them, and never the renter’s pool login', async () => {
      const page = (await http().get(path).query({ status: 'active' }).set(bearer(owner.accessToken)).expect(200))
        .body as { items: Record<string, unknown>[] };
      const rental = page.items.find(({ id }) => id === rentalId);
      expect(rental).toMatchObject({
        status: 'active',
        hashrate: (10n * TH).toString(),
        stratum: { url: 'stratum+tcp://127.0.0.1:3333', credential },
      });
      expect(JSON.stringify(page)).not.toMatch(/secret|pool\.example\.com/);
    });

    it('shows another provider none of them, an admin any provider’s, and renters nothing at all', async () => {
      const others = (await http().get(path).set(bearer(other.accessToken)).expect(200)).body as {
        items: { id: string }[];
      };
      expect(others.items.map(({ id }) => id)).not.toContain(rentalId);
      expectProblem(await http().get(path).query({ providerId: owner.id }).set(bearer(other.accessToken)), 403);
      const admins = (await http().get(path).query({ providerId: owner.id }).set(bearer(adminToken)).expect(200))
        .body as { items: { id: string }[] };
      expect(admins.items.map(({ id }) => id)).toContain(rentalId);
      expectProblem(await http().get(path).set(bearer(renter.accessToken)), 403);
      expectProblem(await http().get(path), 401);
    });

    it('refuses unknown parameters', async () => {
      expectUnknownField(
        await http().get(path).query({ renterId: renter.id }).set(bearer(owner.accessToken)),
        'renterId',
      );
    });
  });
});
