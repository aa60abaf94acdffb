import { randomUUID } from 'node:crypto';
import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { originatingFrom } from '@hashproof/messaging';
import { InternalApiClient } from '@hashproof/runtime';
import {
  connectAsAdmin,
  startStripeStandIn,
  type StripeStandInProcess,
  testDatabaseUrl,
  testInternalApiToken,
  testKafkaBrokers,
} from '@hashproof/testing';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Client } from 'pg';
import Stripe from 'stripe';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { ContractsModule } from '../contracts.module';
import { ChangeListingStatusUseCase } from '../listings/change-listing-status.usecase';
import { CapacityExhaustedError, ListingNotFoundError } from '../listings/listing.errors';
import type { Listing } from '../listings/listing.entity';
import { ActivateRentalUseCase } from '../rentals/activate-rental.usecase';
import { grantVerifiedCapacity } from '../testing/contracts-test-bench';
import { connectPayoutAccount, createListing, providerActor, TH } from '../testing/listings-test-bench';
import { CancelRentalUseCase } from './cancel-rental.usecase';
import { DisputeRentalUseCase } from '../rentals/dispute-rental.usecase';
import { proRataCancellationReason } from './cancel-pro-rata.usecase';
import { IdempotencyKeyReusedError, RentalNotFoundError } from './purchase.errors';
import { RentFromListingUseCase, type RentFromListingCommand } from './rent-from-listing.usecase';

jest.setTimeout(180_000);

const stripeKey = `sk_test_purchases${randomUUID().slice(0, 8)}`;
const pool = { url: 'stratum+tcp://pool.example.com:3333', worker: 'renter.rig1', password: 'secret' };
const day = 86_400;
const newRenter = (): Actor => ({ id: randomUUID(), role: 'renter' });

/** Contracts in-process and listening, as main.ts serves it (global zod pipe), its Stripe calls going to the stand-in. */
async function startContractsHttp(stripeApiUrl: string): Promise<NestFastifyApplication> {
  const config = loadConfig('contracts', contractsConfigSchema, {
    DATABASE_URL: testDatabaseUrl('contracts'),
    DATABASE_POOL_SIZE: '20',
    KAFKA_BROKERS: testKafkaBrokers,
    INTERNAL_API_TOKEN: testInternalApiToken,
    OUTBOX_POLL_INTERVAL_MS: '100',
    LOG_LEVEL: 'silent',
    STRIPE_SECRET_KEY: stripeKey,
    STRIPE_API_URL: stripeApiUrl,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ContractsModule.forRoot(config), new FastifyAdapter(), {
    logger: false,
  });
  app.useGlobalPipes(new ZodValidationPipe());
  await app.listen(0, '127.0.0.1');
  return app;
}

describe('renters renting from listings and paying through Stripe (the stand-in)', () => {
  let standIn: StripeStandInProcess;
  let contracts: NestFastifyApplication;
  let internal: InternalApiClient;
  let stripe: Stripe;
  let db: Client;

  beforeAll(async () => {
    standIn = await startStripeStandIn();
    contracts = await startContractsHttp(standIn.url);
    internal = new InternalApiClient(await contracts.getUrl(), testInternalApiToken, { timeoutMs: 20_000 });
    const { hostname, port } = new URL(standIn.url);
    stripe = new Stripe(stripeKey, { host: hostname, port: Number(port), protocol: 'http' });
    db = await connectAsAdmin();
  });

  afterAll(async () => {
    await contracts?.close();
    await standIn?.stop();
    await db?.end();
  });

  /** A live listing of a new provider verified for `verified` H/s (its hash rate by default). */
  async function liveListing(hashrate = 100n * TH, verified = hashrate): Promise<Listing> {
    const providerId = randomUUID();
    await grantVerifiedCapacity(contracts, providerId, verified);
    await connectPayoutAccount(contracts, providerId);
    const draft = await createListing(contracts, providerId, { hashrate, pricePerThDayMinor: 1_000n });
    return contracts
      .get(ChangeListingStatusUseCase)
      .execute({ actor: providerActor(providerId), listingId: draft.id, action: 'publish' });
  }

  const rent = (listing: Listing, overrides: Partial<RentFromListingCommand> = {}) =>
    contracts.get(RentFromListingUseCase).execute({
      actor: newRenter(),
      idempotencyKey: null,
      listingId: listing.id,
      hashrate: 10n * TH,
      durationSeconds: day,
      pool,
      ...overrides,
    });

  async function held(listingId: string): Promise<bigint> {
    const { rows } = await db.query<{ held: string }>(
      `SELECT COALESCE(SUM(hashrate), 0)::text AS held FROM contracts.rentals
        WHERE listing_id = $1 AND status IN ('pending_payment', 'active', 'disputed')`,
      [listingId],
    );
    return BigInt(rows[0]?.held ?? '0');
  }

  async function createdWithKey(paymentIntentId: string): Promise<string | null | undefined> {
    const response = await fetch(`${standIn.url}/_stand-in/events?type=payment_intent.created`);
    const events = (await response.json()) as {
      data: { event: { data: { object: { id: string } }; request: { idempotency_key: string | null } } }[];
    };
    return events.data.find(({ event }) => event.data.object.id === paymentIntentId)?.event.request.idempotency_key;
  }

  it('prices the rental from the listing and asks Stripe for exactly that, under the rental’s key', async () => {
    const listing = await liveListing();
    const renter = newRenter();
    const { rental, payment } = await rent(listing, { actor: renter, hashrate: 10n * TH, durationSeconds: 2 * day });
    // 1000 minor units per TH/s per day × 10 TH/s × 2 days.
    expect(rental).toMatchObject({ status: 'pending_payment', priceMinor: '20000', currency: 'USD' });
    expect(rental).toMatchObject({ renterId: renter.id, providerId: listing.providerId, listingId: listing.id });
    expect(payment).toEqual({
      paymentIntentId: expect.stringMatching(/^pi_/),
      clientSecret: expect.any(String),
      holdExpiresAt: expect.any(Date),
    });
    const intent = await stripe.paymentIntents.retrieve(payment?.paymentIntentId ?? '');
    expect(intent).toMatchObject({ amount: 20_000, currency: 'usd', metadata: { rentalId: rental.id } });
    expect(await createdWithKey(intent.id)).toBe(`rental-${rental.id}-payment`);

    const { rows: transitions } = await db.query(
      'SELECT from_status, to_status, actor FROM contracts.rental_transitions WHERE rental_id = $1',
      [rental.id],
    );
    expect(transitions).toEqual([{ from_status: null, to_status: 'pending_payment', actor: `renter:${renter.id}` }]);
    const { rows: events } = await db.query<{ payload: string }>(
      `SELECT payload FROM contracts.outbox_messages WHERE topic = 'rentals.status-changed.v1' AND payload LIKE $1`,
      [`%${rental.id}%`],
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toContain(`"actor":"renter:${renter.id}"`);
  });

  it('takes no price from the client: an unknown field is a 400 and nothing is opened', async () => {
    const listing = await liveListing();
    const renter = newRenter();
    const answer = await internal.request<{ type: string; errors: { field: string; message: string }[] }>({
      method: 'POST',
      path: '/internal/v1/rentals',
      principal: renter,
      body: { listingId: listing.id, hashrate: (10n * TH).toString(), durationSeconds: day, pool, priceMinor: 1 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual({ field: 'priceMinor', message: 'unknown field' });
    const { rows } = await db.query('SELECT 1 FROM contracts.rentals WHERE renter_id = $1', [renter.id]);
    expect(rows).toHaveLength(0);
  });

  it('returns the same rental and intent for the same renter and Idempotency-Key, also over HTTP', async () => {
    const listing = await liveListing();
    const renter = newRenter();
    const key = randomUUID();
    const [first, second] = await Promise.all([
      rent(listing, { actor: renter, idempotencyKey: key }),
      rent(listing, { actor: renter, idempotencyKey: key }),
    ]);
    expect(second.rental.id).toBe(first.rental.id);
    expect(second.payment?.paymentIntentId).toBe(first.payment?.paymentIntentId);
    const body = { listingId: listing.id, hashrate: (10n * TH).toString(), durationSeconds: day, pool };
    const again = await internal.request<{ rental: { id: string; pool: object; priceMinor: number } }>({
      method: 'POST',
      path: '/internal/v1/rentals',
      principal: renter,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(201);
    expect(again.body.rental).toMatchObject({ id: first.rental.id, priceMinor: 10_000 });
    expect(again.body.rental.pool).toEqual({ url: pool.url, worker: pool.worker });
    expect(await held(listing.id)).toBe(10n * TH);

    await expect(rent(listing, { actor: renter, idempotencyKey: key, hashrate: 20n * TH })).rejects.toThrow(
      IdempotencyKeyReusedError,
    );
    // Another renter's key is its own.
    const other = await rent(listing, { idempotencyKey: key });
    expect(other.rental.id).not.toBe(first.rental.id);
  });

  it('cancels before the start: the intent is canceled at Stripe first and the capacity released', async () => {
    const listing = await liveListing();
    const renter = newRenter();
    const { rental, payment } = await rent(listing, { actor: renter, hashrate: 40n * TH });
    expect(await held(listing.id)).toBe(40n * TH);
    const cancel = contracts.get(CancelRentalUseCase);

    await expect(cancel.execute(newRenter(), rental.id)).rejects.toThrow(RentalNotFoundError);
    await expect(cancel.execute(providerActor(listing.providerId), rental.id)).rejects.toThrow(ActionForbiddenError);
    expect(await held(listing.id)).toBe(40n * TH);

    expect((await cancel.execute(renter, rental.id)).status).toBe('cancelled');
    expect(await held(listing.id)).toBe(0n);
    expect((await stripe.paymentIntents.retrieve(payment?.paymentIntentId ?? '')).status).toBe('canceled');
    const { rows } = await db.query(
      'SELECT actor FROM contracts.rental_transitions WHERE rental_id = $1 AND to_status = $2',
      [rental.id, 'cancelled'],
    );
    expect(rows).toEqual([{ actor: `renter:${renter.id}` }]);
    // Again: nothing more happens.
    expect((await cancel.execute(renter, rental.id)).status).toBe('cancelled');
    expect((await rent(listing, { hashrate: 100n * TH })).rental.status).toBe('pending_payment');
  });

  /** A rental of a new renter's, paid and started as Stripe's webhook would start it. */
  async function runningRental(listing: Listing, hashrate = 10n * TH) {
    const renter = newRenter();
    const { rental } = await rent(listing, { actor: renter, hashrate });
    await contracts
      .get(ActivateRentalUseCase)
      .execute({ rentalId: rental.id, actor: 'stripe:evt_test', cause: originatingFrom(), activatedAt: new Date() });
    return { renter, rentalId: rental.id };
  }

  const cancelOverHttp = (rentalId: string, principal: Actor) =>
    internal.request<{ status: string; type: string; settlement: unknown }>({
      method: 'POST',
      path: `/internal/v1/rentals/${rentalId}/cancel`,
      principal,
    });

  async function trailOf(rentalId: string) {
    const { rows } = await db.query<{ from_status: string | null; to_status: string; actor: string; reason: string }>(
      'SELECT from_status, to_status, actor, reason FROM contracts.rental_transitions WHERE rental_id = $1 ORDER BY id',
      [rentalId],
    );
    return rows;
  }

  async function statusChangesInOutbox(rentalId: string): Promise<number> {
    const { rows } = await db.query(
      `SELECT 1 FROM contracts.outbox_messages WHERE topic = 'rentals.status-changed.v1' AND message_key = $1`,
      [rentalId],
    );
    return rows.length;
  }

  it('cancels a running rental pro rata over HTTP: at once, for its renter, and a repeat changes nothing', async () => {
    const listing = await liveListing();
    const { renter, rentalId } = await runningRental(listing, 40n * TH);

    const cancelled = await cancelOverHttp(rentalId, renter);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: rentalId, status: 'cancelled', settlement: null });
    expect((await trailOf(rentalId)).at(-1)).toEqual({
      from_status: 'active',
      to_status: 'cancelled',
      actor: `renter:${renter.id}`,
      reason: proRataCancellationReason,
    });
    const { rows: events } = await db.query<{ payload: string }>(
      `SELECT payload FROM contracts.outbox_messages WHERE topic = 'rentals.status-changed.v1' AND message_key = $1
        ORDER BY id DESC LIMIT 1`,
      [rentalId],
    );
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({
      value: { rentalId, from: 'active', to: 'cancelled', actor: `renter:${renter.id}`, at: expect.any(String) },
    });
    expect(await held(listing.id)).toBe(0n);

    const [trail, published] = [await trailOf(rentalId), await statusChangesInOutbox(rentalId)];
    const again = await cancelOverHttp(rentalId, renter);
    expect(again).toMatchObject({ status: 200, body: cancelled.body });
    expect(await trailOf(rentalId)).toEqual(trail);
    expect(await statusChangesInOutbox(rentalId)).toBe(published);
  });

  it('is 404 for another renter and 403 for its provider, over HTTP, and neither changes anything', async () => {
    const listing = await liveListing();
    const { rentalId } = await runningRental(listing, 40n * TH);
    const trail = await trailOf(rentalId);

    const byStranger = await cancelOverHttp(rentalId, newRenter());
    expect(byStranger).toMatchObject({ status: 404, body: { type: 'urn:hashproof:problem:rental-not-found' } });
    const byProvider = await cancelOverHttp(rentalId, providerActor(listing.providerId));
    expect(byProvider).toMatchObject({ status: 403 });

    expect(await trailOf(rentalId)).toEqual(trail);
    expect(await held(listing.id)).toBe(40n * TH);
  });

  it('refuses to cancel a disputed rental until its dispute is resolved (409), changing nothing', async () => {
    const listing = await liveListing();
    const { renter, rentalId } = await runningRental(listing);
    await contracts.get(DisputeRentalUseCase).execute({ rentalId, actor: renter, reason: 'half the rate' });
    const trail = await trailOf(rentalId);

    const refused = await cancelOverHttp(rentalId, renter);
    expect(refused).toMatchObject({ status: 409, body: { type: 'urn:hashproof:problem:rental-disputed' } });
    expect(await trailOf(rentalId)).toEqual(trail);
    expect(await held(listing.id)).toBe(10n * TH);
  });

  it('sells only from a listing a renter can see (a live one), and never beyond the provider’s verified capacity', async () => {
    const listing = await liveListing();
    await contracts
      .get(ChangeListingStatusUseCase)
      .execute({ actor: providerActor(listing.providerId), listingId: listing.id, action: 'pause' });
    // As for reading it: a listing that is not live does not exist for renters.
    await expect(rent(listing)).rejects.toThrow(ListingNotFoundError);

    const listed = await liveListing(100n * TH);
    await grantVerifiedCapacity(contracts, listed.providerId, 5n * TH);
    await expect(rent(listed, { hashrate: 10n * TH })).rejects.toThrow(CapacityExhaustedError);
    expect(await held(listed.id)).toBe(0n);
  });

  it('never oversells: 30 concurrent purchases of 10 TH/s from 100 TH/s sell exactly 10', async () => {
    const listing = await liveListing(100n * TH);
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => rent(listing, { hashrate: 10n * TH })));
    const sold = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(sold).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const outcome of refused) expect(outcome.reason).toBeInstanceOf(CapacityExhaustedError);
    for (const outcome of sold) expect(outcome.value.rental.status).toBe('pending_payment');
    const { rows } = await db.query<{ count: string; total: string }>(
      `SELECT count(*)::text AS count, SUM(hashrate)::text AS total FROM contracts.rentals
        WHERE listing_id = $1 AND status = 'pending_payment'`,
      [listing.id],
    );
    expect(rows[0]).toEqual({ count: '10', total: (100n * TH).toString() });
  });
});
