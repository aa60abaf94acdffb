import { randomUUID } from 'node:crypto';
import { connectAsAdmin, type RigTally, runRig, waitFor } from '@hashproof/testing';
import type { Client } from 'pg';
import Stripe from 'stripe';
import { startMarketplace, type Marketplace } from './journey/marketplace-processes';
import { MiningRig } from './journey/mining-rig';
import { type Account, PublicApiClient } from './journey/public-api-client';

jest.setTimeout(240_000);

// Test-scale hash rates: both dev pools hold every share at 2^-22 (1024 hashes), and the verifier's vardiff, which
// aims at one share a second and never goes above the pool's difficulty, leaves every rig here on it.
const POOL_DIFFICULTY = '2^-22';
// The provider claims 8 shares a second, and its rig mines 1.5 × that (a prudent provider claims less than its rigs
// do). At the check's enforcement α = 0.001 a 20-second run at the claim fails at ~121 shares or fewer; the rig finds
// ~220 even after a few seconds lost to start-up, so it fails with probability < 1e-9.
const CLAIMED = 8_192n;
const CHECK_RIG_HASHRATE = 12_288;
const CHECK_SECONDS = 20;
const WINDOW_SECONDS = 10;
// Priced so that an hour of 1 H/s costs one cent (24 × 10^12 cents per TH/s per day): test-scale rentals then cost
// dollars, above Stripe's USD minimum, and an hour's price in cents is its hash rate in H/s.
const PRICE_PER_TH_DAY_MINOR = 24_000_000_000_000;
const RENTAL_SECONDS = 3_600;
const PARALLEL_PURCHASES = 12;

interface Problem {
  readonly type: string;
  readonly status: number;
}

interface RequestedCheck {
  readonly checkId: string;
  readonly credential: string;
  readonly stratumUrl: string;
  readonly endsAt: string;
  readonly status: string;
}

interface CheckView {
  readonly status: string;
  readonly claimedHashrate: string;
  readonly verifiedHashrate: string | null;
  readonly judgement: { readonly verdict: string; readonly acceptedShares: number } | null;
}

interface Listing {
  readonly id: string;
  readonly status: string;
  readonly hashrate: string;
  readonly rentedHashrate: string;
  readonly availableHashrate: string;
}

interface ListingPage {
  readonly items: readonly Listing[];
  readonly nextCursor: string | null;
}

interface Rental {
  readonly id: string;
  readonly status: string;
  readonly hashrate: string;
  readonly priceMinor: number;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly pool: { readonly url: string; readonly worker: string } | null;
  readonly stratum: { readonly url: string; readonly credential: string } | null;
}

interface Purchase {
  readonly rental: Rental;
  readonly payment: { readonly paymentIntentId: string; readonly clientSecret: string } | null;
}

interface Delivery {
  readonly rentalId: string;
  readonly contractedHashrate: string | null;
  readonly startsAt: string | null;
  readonly totals: { readonly windowsClosed: number; readonly acceptedShares: number };
}

/**
 * The marketplace's "done when": a provider and a renter walk through the public HTTP API of real service
 * processes on the real broker, Stripe (the stand-in) acting where a customer or Stripe acts and simulated rigs
 * mining real double SHA-256 where rigs mine. Each step builds on the one before.
 */
describe('the marketplace journey: provider lists proven capacity, renter rents, pays and gets the hash rate', () => {
  let marketplace: Marketplace;
  let api: PublicApiClient;
  let db: Client;
  let provider: Account;
  let renter: Account;
  let outsider: Account;
  let verified: bigint;
  let listing: Listing;
  let rental: Rental;
  let rig: MiningRig | undefined;
  let delivered: Delivery;
  const renterPool = () => ({ url: marketplace.renterPoolUrl, worker: 'renter.rig1', password: 'x' });

  beforeAll(async () => {
    db = await connectAsAdmin();
    marketplace = await startMarketplace({
      poolDifficulty: POOL_DIFFICULTY,
      capacityCheckMinSeconds: 15,
      deliveryWindowSeconds: WINDOW_SECONDS,
      deliveryWindowGraceSeconds: 2,
      stratumTargetSharesPerMinute: 60,
    });
    api = new PublicApiClient(marketplace.apiUrl);
  });

  afterAll(async () => {
    await rig?.stop();
    await marketplace?.stop();
    await db?.end();
  });

  let failedStep = false;

  /**
   * Runs a step of the journey unless an earlier one failed (it would only fail for want of that one's outcome),
   * and fails with what the services logged: a step that times out says little by itself.
   */
  async function step(body: () => Promise<void>): Promise<void> {
    if (failedStep) throw new Error('not run: an earlier step of the journey failed');
    try {
      await body();
    } catch (error) {
      failedStep = true;
      if (error instanceof Error) error.message += `\n--- service logs ---\n${marketplace?.logs().slice(-8_000)}`;
      throw error;
    }
  }

  const rent = (hashrate: bigint, idempotencyKey: string) =>
    api.call<Purchase | Problem>('POST', '/v1/rentals', {
      token: renter.accessToken,
      headers: { 'idempotency-key': idempotencyKey },
      body: {
        listingId: listing.id,
        hashrate: hashrate.toString(),
        durationSeconds: RENTAL_SECONDS,
        pool: renterPool(),
      },
    });

  const hourPriceOf = (hashrate: bigint) => Number(hashrate);

  /** The renter's browsing, page after page, until it comes across `listingId`. */
  async function browseFor(listingId: string, hashrate: bigint): Promise<Listing | undefined> {
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const query = new URLSearchParams({
        currency: 'USD',
        durationSeconds: String(RENTAL_SECONDS),
        minAvailableHashrate: hashrate.toString(),
        limit: '100',
        ...(cursor === null ? {} : { cursor }),
      });
      const body: ListingPage = await api.expect<ListingPage>(200, 'GET', `/v1/listings?${query.toString()}`, {
        token: renter.accessToken,
      });
      const found = body.items.find(({ id }) => id === listingId);
      if (found || body.nextCursor === null) return found;
      cursor = body.nextCursor;
    }
    return undefined;
  }

  it('a provider signs up, connects its Stripe account and proves its hash rate with a rig', () =>
    step(async () => {
      provider = await api.signUp('provider', 'journey-provider');
      const token = provider.accessToken;

      // As Stripe onboarding would have: a connected account that can receive payouts.
      const stripe = new Stripe(marketplace.stripeSecretKey, {
        host: '127.0.0.1',
        port: marketplace.standIn.port,
        protocol: 'http',
      });
      const account = await stripe.accounts.create({ type: 'express', country: 'US', email: provider.email });
      expect(
        await api.expect(200, 'PUT', '/v1/provider/payout-account', { token, body: { stripeAccountId: account.id } }),
      ).toMatchObject({ providerId: provider.id, stripeAccountId: account.id, payoutsEnabled: true });

      const check = await api.expect<RequestedCheck>(202, 'POST', '/v1/capacity-checks', {
        token,
        body: {
          hashrate: CLAIMED.toString(),
          durationSeconds: CHECK_SECONDS,
          pool: { url: marketplace.checkPoolUrl, worker: 'provider.check' },
        },
      });
      expect(check).toMatchObject({ stratumUrl: marketplace.stratumUrl, status: 'running' });
      // The run started with the request; the rig starts once the verifier has heard of the check (it would only be
      // refused before), so the run's time is the rig's however long the broker took to deliver the request.
      await waitFor(
        async () =>
          (await db.query('SELECT 1 FROM verifier.capacity_checks WHERE check_id = $1', [check.checkId])).rowCount ===
          1,
        { timeoutMs: 30_000, intervalMs: 100, what: 'the verifier to admit the capacity check' },
      );
      const miningSeconds = Math.max(1, Math.ceil((Date.parse(check.endsAt) - Date.now()) / 1000) + 1);
      const checkRig = await runRig(
        [
          ...['--url', check.stratumUrl, '--worker', check.credential, '--hashrate', String(CHECK_RIG_HASHRATE)],
          ...['--duration-seconds', String(miningSeconds), '--keep-connecting'],
        ],
        (miningSeconds + 30) * 1000,
      );
      expect(checkRig.rejectedByCode).toEqual({});
      expect(checkRig.accepted).toBeGreaterThan(100);

      const completed = await waitFor(
        async () => {
          const view = await api.expect<CheckView>(200, 'GET', `/v1/capacity-checks/${check.checkId}`, { token });
          return view.status !== 'running' && view;
        },
        { timeoutMs: 90_000, intervalMs: 500, what: 'the capacity check to complete' },
      );
      expect(completed).toMatchObject({
        status: 'passed',
        claimedHashrate: CLAIMED.toString(),
        judgement: { verdict: 'ok' },
      });
      verified = BigInt(completed.verifiedHashrate ?? '0');
      expect(verified).toBeGreaterThan(0n);
      expect(verified).toBeLessThanOrEqual(CLAIMED);
      expect(completed.judgement?.acceptedShares).toBeLessThanOrEqual(checkRig.accepted);
    }));

  it('the provider lists hash rate within what was verified and publishes it', () =>
    step(async () => {
      const token = provider.accessToken;
      const hashrate = (verified / 1_000n) * 1_000n;
      // Enough for a rental of a quarter and ten more of a tenth of the rest, each over Stripe's 50-cent minimum.
      expect(hashrate).toBeGreaterThanOrEqual(4_000n);
      const draft = await api.expect<Listing>(201, 'POST', '/v1/listings', {
        token,
        body: {
          hashrate: hashrate.toString(),
          minDurationSeconds: RENTAL_SECONDS,
          maxDurationSeconds: 86_400,
          pricePerThDayMinor: PRICE_PER_TH_DAY_MINOR,
          currency: 'USD',
        },
      });
      expect(draft).toMatchObject({ status: 'draft', hashrate: hashrate.toString(), availableHashrate: '0' });

      // Contracts hears of the completed check from the broker as the gateway does, possibly a moment later.
      const published = await waitFor(
        async () => {
          const response = await api.call<Listing | Problem>('POST', `/v1/listings/${draft.id}/publish`, { token });
          const notYet = (response.body as Problem).type === 'urn:hashproof:problem:verified-capacity-exceeded';
          return !notYet && response;
        },
        { timeoutMs: 30_000, intervalMs: 250, what: 'contracts to let the verified listing go live' },
      );
      expect(published.status).toBe(200);
      listing = published.body as Listing;
      expect(listing).toMatchObject({
        id: draft.id,
        status: 'live',
        rentedHashrate: '0',
        availableHashrate: hashrate.toString(),
      });
    }));

  it('a renter finds the listing, rents part of it and pays: the signed webhook makes the rental active', () =>
    step(async () => {
      [renter, outsider] = await Promise.all([
        api.signUp('renter', 'journey-renter'),
        api.signUp('renter', 'journey-outsider'),
      ]);
      const token = renter.accessToken;
      const hashrate = (BigInt(listing.availableHashrate) / 4n / 100n) * 100n;

      // Browsing: live listings that sell an hour of at least this much, cheapest first.
      const found = await waitFor(() => browseFor(listing.id, hashrate), {
        timeoutMs: 30_000,
        what: 'the listing among the browsed ones',
      });
      expect(found).toMatchObject({
        id: listing.id,
        providerId: provider.id,
        availableHashrate: listing.availableHashrate,
        providerTrackRecord: { completedRentals: 0, terminatedRentals: 0 },
      });

      const idempotencyKey = randomUUID();
      const first = await rent(hashrate, idempotencyKey);
      expect(first.status).toBe(201);
      const purchase = first.body as Purchase;
      expect(purchase).toMatchObject({
        rental: {
          status: 'pending_payment',
          hashrate: hashrate.toString(),
          priceMinor: hourPriceOf(hashrate),
          pool: { url: marketplace.renterPoolUrl, worker: 'renter.rig1' },
          stratum: null,
        },
        payment: { paymentIntentId: expect.stringMatching(/^pi_/) },
      });
      const payment = purchase.payment;
      if (!payment) throw new Error('no payment to make');
      expect(payment.clientSecret).toMatch(new RegExp(`^${payment.paymentIntentId}_secret_`));
      // A retry after a lost answer is the same purchase, not a second one.
      expect(await rent(hashrate, idempotencyKey)).toEqual(first);

      // The customer pays in the browser; Stripe then signs payment_intent.succeeded to the gateway's webhook.
      await marketplace.standIn.control(`/payment_intents/${payment.paymentIntentId}/succeed`);
      rental = await waitFor(
        async () => {
          const view = await api.expect<Rental>(200, 'GET', `/v1/rentals/${purchase.rental.id}`, { token });
          return view.status === 'active' && view;
        },
        { timeoutMs: 60_000, intervalMs: 250, what: 'the paid rental to become active' },
      );
      expect(rental).toMatchObject({ id: purchase.rental.id, hashrate: hashrate.toString(), stratum: null });
      expect(Date.parse(rental.endsAt ?? '') - Date.parse(rental.startsAt ?? '')).toBe(RENTAL_SECONDS * 1000);
    }));

  it('contracts and the verifier agree on the credential, and a rig mining under it delivers to the renter', () =>
    step(async () => {
      const sold = await api.expect<{ items: Rental[] }>(200, 'GET', `/v1/provider/rentals?listingId=${listing.id}`, {
        token: provider.accessToken,
      });
      const seenByProvider = sold.items.find(({ id }) => id === rental.id);
      expect(seenByProvider).toMatchObject({
        status: 'active',
        stratum: { url: marketplace.stratumUrl, credential: expect.stringMatching(/^hp_[\w-]{24}$/) },
      });
      const stratum = seenByProvider?.stratum;
      if (!stratum) throw new Error('the provider was given no stratum credential');
      expect(
        await api.expect<Rental>(200, 'GET', `/v1/rentals/${rental.id}`, { token: provider.accessToken }),
      ).toMatchObject({ stratum, pool: null });

      const admitted = await waitFor(
        async () => {
          const { rows } = await db.query<{
            credential: string;
            upstream_url: string;
            upstream_worker: string;
            revoked_at: Date | null;
          }>(
            `SELECT credential, upstream_url, upstream_worker, revoked_at FROM verifier.stratum_credentials
              WHERE rental_id = $1`,
            [rental.id],
          );
          return rows.length > 0 && rows;
        },
        { timeoutMs: 30_000, intervalMs: 100, what: 'the verifier to admit the rental’s credential' },
      );
      expect(admitted).toEqual([
        {
          credential: stratum.credential,
          upstream_url: marketplace.renterPoolUrl,
          upstream_worker: 'renter.rig1',
          revoked_at: null,
        },
      ]);

      // Twice the contracted rate: the rental's first window began at activation, before the rig could connect. It
      // mines for as long as the journey runs, as a provider's rig mines a rental for its whole duration.
      const miningRig = MiningRig.start(stratum.url, stratum.credential, 2 * Number(rental.hashrate));
      rig = miningRig;
      await waitFor(async () => (miningRig.progress()?.accepted ?? 0) > 0, {
        timeoutMs: 30_000,
        what: `the rig to have a share accepted: ${miningRig.log()}`,
      });

      delivered = await waitFor(
        async () => {
          const delivery = await api.expect<Delivery>(200, 'GET', `/v1/rentals/${rental.id}/delivery`, {
            token: renter.accessToken,
          });
          return delivery.totals.windowsClosed > 0 && delivery.totals.acceptedShares > 0 && delivery;
        },
        { timeoutMs: 90_000, intervalMs: 500, what: 'a closed window with accepted shares in the renter’s delivery' },
      );
      expect(delivered).toMatchObject({
        rentalId: rental.id,
        contractedHashrate: rental.hashrate,
        startsAt: rental.startsAt,
      });
      await api.expect(200, 'GET', `/v1/rentals/${rental.id}/delivery`, { token: provider.accessToken });
    }));

  it('parallel purchases of the rest sell exactly what is left, and the others get 409 capacity-exhausted', () =>
    step(async () => {
      const path = `/v1/listings/${listing.id}`;
      const before = await api.expect<Listing>(200, 'GET', path, { token: renter.accessToken });
      const remaining = BigInt(before.availableHashrate);
      expect(remaining).toBe(BigInt(listing.hashrate) - BigInt(rental.hashrate));
      const size = remaining / 10n;
      const fitting = Number(remaining / size);
      expect(PARALLEL_PURCHASES).toBeGreaterThan(fitting);

      const responses = await Promise.all(Array.from({ length: PARALLEL_PURCHASES }, () => rent(size, randomUUID())));
      const statuses = responses.map(({ status }) => status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(fitting);
      expect(statuses.filter((status) => status === 409)).toHaveLength(PARALLEL_PURCHASES - fitting);
      for (const { status, body } of responses) {
        if (status === 201)
          expect(body).toMatchObject({ rental: { status: 'pending_payment', priceMinor: hourPriceOf(size) } });
        else expect(body).toMatchObject({ status: 409, type: 'urn:hashproof:problem:capacity-exhausted' });
      }

      const after = await api.expect<Listing>(200, 'GET', path, { token: renter.accessToken });
      expect(after).toMatchObject({
        status: 'live',
        rentedHashrate: (BigInt(rental.hashrate) + BigInt(fitting) * size).toString(),
        availableHashrate: (remaining - BigInt(fitting) * size).toString(),
      });
    }));

  it('another renter gets 404 for the rental and for its delivery', () =>
    step(async () => {
      const token = outsider.accessToken;
      expect(await api.call('GET', `/v1/rentals/${rental.id}`, { token })).toMatchObject({
        status: 404,
        body: { type: 'urn:hashproof:problem:rental-not-found' },
      });
      expect(await api.call('GET', `/v1/rentals/${rental.id}/delivery`, { token })).toMatchObject({ status: 404 });
    }));

  it('the provider’s rig, stopped at last, had every share it submitted accepted', () =>
    step(async () => {
      const miningRig = rig;
      if (!miningRig) throw new Error('no rig mined the rental');
      rig = undefined;
      const tally: RigTally = await miningRig.stop();
      expect(tally.rejectedByCode).toEqual({});
      expect(tally.accepted).toBeGreaterThanOrEqual(delivered.totals.acceptedShares);
    }));
});
