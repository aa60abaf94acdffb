import { randomUUID } from 'node:crypto';
import { connectAsAdmin } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { InvalidCursorError } from '../paging/keyset-cursor';
import { ListProviderRentalsUseCase } from '../provider-rentals/list-provider-rentals.usecase';
import { OpenRentalUseCase } from '../rentals/open-rental.usecase';
import { grantVerifiedCapacity, startContracts } from '../testing/contracts-test-bench';
import {
  connectPayoutAccount,
  createListing,
  defaultListingTerms,
  providerActor,
  TH,
} from '../testing/listings-test-bench';
import { BrowseListingsUseCase, type BrowseListingsFilter } from './browse-listings.usecase';
import { ChangeListingStatusUseCase } from './change-listing-status.usecase';
import { FindListingUseCase } from './find-listing.usecase';
import { PayoutAccountNotConnectedError, VerifiedCapacityExceededError } from './go-live.errors';
import { ListProviderListingsUseCase } from './list-provider-listings.usecase';
import {
  HashrateBelowRentedError,
  IllegalListingTransitionError,
  InvalidListingTermsError,
  ListingNotEditableError,
  ListingNotFoundError,
} from './listing.errors';
import type { ListingAction } from './listing-lifecycle';
import type { ListingTerms } from './listing-terms';
import { RentalDriver } from './testing/rental-driver';
import { UpdateListingUseCase } from './update-listing.usecase';

jest.setTimeout(120_000);

const admin: Actor = { id: randomUUID(), role: 'admin' };
const renter: Actor = { id: randomUUID(), role: 'renter' };

/** Settles to the status reached or to the error, so Promise.all waits for every call. */
const outcomeOf = (change: Promise<{ status: string }>) =>
  change.then(
    (listing) => listing.status,
    (error: unknown) => error,
  );

describe('listings on the contracts database', () => {
  let contracts: INestApplicationContext;
  let db: Client;

  beforeAll(async () => {
    contracts = await startContracts();
    db = await connectAsAdmin();
  });

  afterAll(async () => {
    await contracts?.close();
    await db?.end();
  });

  const act = (actor: Actor, listingId: string, action: ListingAction) =>
    contracts.get(ChangeListingStatusUseCase).execute({ actor, listingId, action });
  const update = (actor: Actor, listingId: string, changes: Partial<ListingTerms>) =>
    contracts.get(UpdateListingUseCase).execute({ actor, listingId, changes });
  const find = (actor: Actor, listingId: string) => contracts.get(FindListingUseCase).execute(actor, listingId);

  /** A provider that may sell `capacity` H/s and can be paid. */
  async function readyProvider(capacity: bigint = 100n * TH): Promise<string> {
    const providerId = randomUUID();
    await grantVerifiedCapacity(contracts, providerId, capacity);
    await connectPayoutAccount(contracts, providerId);
    return providerId;
  }

  async function statusInDatabase(listingId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ status: string }>('SELECT status FROM contracts.listings WHERE id = $1', [
      listingId,
    ]);
    return rows[0]?.status;
  }

  const openRental = (providerId: string, listingId: string, hashrate: bigint) =>
    contracts.get(OpenRentalUseCase).execute({
      listingId,
      providerId,
      renterId: renter.id,
      hashrate,
      durationSeconds: 86_400,
      priceMinor: 100_000n,
      currency: 'USD',
      pool: { url: 'stratum+tcp://127.0.0.1:3334', worker: 'renter.listings', password: 'x' },
      actor: `renter:${renter.id}`,
    });

  describe('the lifecycle', () => {
    it('runs draft → live ⇄ paused → retired, with an audit record of each move and who made it', async () => {
      const providerId = await readyProvider();
      const owner = providerActor(providerId);
      const listing = await createListing(contracts, providerId);
      expect(listing.status).toBe('draft');

      expect((await act(owner, listing.id, 'publish')).status).toBe('live');
      expect((await act(owner, listing.id, 'pause')).status).toBe('paused');
      expect((await act(admin, listing.id, 'resume')).status).toBe('live');
      expect((await act(owner, listing.id, 'retire')).status).toBe('retired');

      const { rows } = await db.query<{ from_status: string | null; to_status: string; actor: string }>(
        'SELECT from_status, to_status, actor FROM contracts.listing_transitions WHERE listing_id = $1 ORDER BY id',
        [listing.id],
      );
      expect(rows).toEqual([
        { from_status: null, to_status: 'draft', actor: `provider:${providerId}` },
        { from_status: 'draft', to_status: 'live', actor: `provider:${providerId}` },
        { from_status: 'live', to_status: 'paused', actor: `provider:${providerId}` },
        { from_status: 'paused', to_status: 'live', actor: `admin:${admin.id}` },
        { from_status: 'live', to_status: 'retired', actor: `provider:${providerId}` },
      ]);
    });

    it('keeps a retired listing retired and unedited', async () => {
      const providerId = await readyProvider();
      const owner = providerActor(providerId);
      const listing = await createListing(contracts, providerId);
      await act(owner, listing.id, 'retire');
      for (const action of ['publish', 'pause', 'resume', 'retire'] as const) {
        await expect(act(owner, listing.id, action)).rejects.toThrow(IllegalListingTransitionError);
      }
      await expect(update(owner, listing.id, { pricePerThDayMinor: 1n })).rejects.toThrow(ListingNotEditableError);
      expect(await statusInDatabase(listing.id)).toBe('retired');
    });

    it('edits a draft or paused listing, refuses a live one, and checks the terms as a whole', async () => {
      const providerId = await readyProvider();
      const owner = providerActor(providerId);
      const listing = await createListing(contracts, providerId);

      const edited = await update(owner, listing.id, { pricePerThDayMinor: 1_250n, maxDurationSeconds: 7 * 86_400 });
      expect(edited).toMatchObject({ pricePerThDayMinor: '1250', maxDurationSeconds: 7 * 86_400, status: 'draft' });
      await expect(update(owner, listing.id, { minDurationSeconds: 8 * 86_400 })).rejects.toThrow(
        'minDurationSeconds must not exceed maxDurationSeconds',
      );
      await expect(update(owner, listing.id, { minDurationSeconds: 8 * 86_400 })).rejects.toThrow(
        InvalidListingTermsError,
      );

      await act(owner, listing.id, 'publish');
      await expect(update(owner, listing.id, { pricePerThDayMinor: 900n })).rejects.toThrow(
        'a live listing cannot be edited: pause it, edit it, then resume it',
      );
      await act(owner, listing.id, 'pause');
      expect(await update(admin, listing.id, { pricePerThDayMinor: 900n })).toMatchObject({
        pricePerThDayMinor: '900',
      });
      expect((await find(owner, listing.id)).listing.pricePerThDayMinor).toBe('900');
    });

    it('lets only the owner and admins change a listing: another provider finds nothing, a renter is refused', async () => {
      const providerId = await readyProvider();
      const listing = await createListing(contracts, providerId);
      const stranger = providerActor(await readyProvider());
      await expect(act(stranger, listing.id, 'publish')).rejects.toThrow(ListingNotFoundError);
      await expect(update(stranger, listing.id, { pricePerThDayMinor: 1n })).rejects.toThrow(ListingNotFoundError);
      await expect(act(renter, listing.id, 'publish')).rejects.toThrow(ActionForbiddenError);
      await expect(find(stranger, listing.id)).rejects.toThrow(ListingNotFoundError);
      await expect(find(renter, listing.id)).rejects.toThrow(ListingNotFoundError);
      const { rows } = await db.query<{ status: string; price_per_th_day_minor: string }>(
        'SELECT status, price_per_th_day_minor FROM contracts.listings WHERE id = $1',
        [listing.id],
      );
      expect(rows).toEqual([{ status: 'draft', price_per_th_day_minor: '1000' }]);

      await act(providerActor(providerId), listing.id, 'publish');
      expect((await find(renter, listing.id)).listing.status).toBe('live');
    });
  });

  describe('going live', () => {
    it('is refused without a payout account, however much capacity is verified', async () => {
      const providerId = randomUUID();
      await grantVerifiedCapacity(contracts, providerId, 1_000n * TH);
      const listing = await createListing(contracts, providerId);
      await expect(act(providerActor(providerId), listing.id, 'publish')).rejects.toThrow(
        PayoutAccountNotConnectedError,
      );
      expect(await statusInDatabase(listing.id)).toBe('draft');
    });

    it('is refused without verified capacity, even with a payout account', async () => {
      const providerId = randomUUID();
      await connectPayoutAccount(contracts, providerId);
      const listing = await createListing(contracts, providerId);
      await expect(act(providerActor(providerId), listing.id, 'publish')).rejects.toThrow(
        "no capacity check has verified this provider's hash rate yet",
      );
      expect(await statusInDatabase(listing.id)).toBe('draft');
    });

    it('is accepted with both, up to the verified hash rate summed over the provider’s live listings', async () => {
      const providerId = await readyProvider(100n * TH);
      const owner = providerActor(providerId);
      const first = await createListing(contracts, providerId, { hashrate: 60n * TH });
      const second = await createListing(contracts, providerId, { hashrate: 40n * TH + 1n });
      expect((await act(owner, first.id, 'publish')).status).toBe('live');
      await expect(act(owner, second.id, 'publish')).rejects.toThrow(VerifiedCapacityExceededError);

      // Shrunk to fit (drafts are editable), it goes live at exactly the verified hash rate.
      await update(owner, second.id, { hashrate: 40n * TH });
      expect((await act(owner, second.id, 'publish')).status).toBe('live');

      // A paused listing frees its share; resuming it is going live again, checked again.
      await act(owner, first.id, 'pause');
      const third = await createListing(contracts, providerId, { hashrate: 60n * TH });
      expect((await act(owner, third.id, 'publish')).status).toBe('live');
      await expect(act(owner, first.id, 'resume')).rejects.toThrow(VerifiedCapacityExceededError);
      expect(await statusInDatabase(first.id)).toBe('paused');
    });

    it('lets exactly as many concurrent publishes through as the verified capacity covers', async () => {
      const providerId = await readyProvider(100n * TH);
      const owner = providerActor(providerId);
      const pair = [
        await createListing(contracts, providerId, { hashrate: 60n * TH }),
        await createListing(contracts, providerId, { hashrate: 60n * TH }),
      ];
      const outcomes = await Promise.all(pair.map((listing) => outcomeOf(act(owner, listing.id, 'publish'))));
      expect(outcomes.filter((outcome) => outcome === 'live')).toHaveLength(1);
      expect(outcomes.find((outcome) => outcome !== 'live')).toBeInstanceOf(VerifiedCapacityExceededError);

      const many = await Promise.all(
        Array.from({ length: 12 }, () => createListing(contracts, providerId, { hashrate: 10n * TH })),
      );
      const manyOutcomes = await Promise.all(many.map((listing) => outcomeOf(act(owner, listing.id, 'publish'))));
      expect(manyOutcomes.filter((outcome) => outcome === 'live')).toHaveLength(4);
      const { rows } = await db.query<{ live: string }>(
        `SELECT sum(hashrate)::text AS live FROM contracts.listings WHERE provider_id = $1 AND status = 'live'`,
        [providerId],
      );
      expect(rows[0]?.live).toBe((100n * TH).toString());
    });
  });

  describe('availability', () => {
    it('is what the listing offers less what its pending, active and disputed rentals hold', async () => {
      const providerId = await readyProvider(100n * TH);
      const owner = providerActor(providerId);
      const listing = await createListing(contracts, providerId, { hashrate: 100n * TH });
      await act(owner, listing.id, 'publish');
      expect(await find(renter, listing.id)).toMatchObject({ held: 0n });

      await openRental(providerId, listing.id, 30n * TH);
      expect(await find(renter, listing.id)).toMatchObject({ held: 30n * TH });
      await db.query(`UPDATE contracts.rentals SET status = 'cancelled' WHERE listing_id = $1`, [listing.id]);
      expect(await find(renter, listing.id)).toMatchObject({ held: 0n });
      await openRental(providerId, listing.id, 30n * TH);
      expect(await find(renter, listing.id)).toMatchObject({ held: 30n * TH });
    });

    it('bounds edits: a listing never offers less than its rentals hold', async () => {
      const providerId = await readyProvider(100n * TH);
      const owner = providerActor(providerId);
      const listing = await createListing(contracts, providerId, { hashrate: 100n * TH });
      await act(owner, listing.id, 'publish');
      await openRental(providerId, listing.id, 30n * TH);
      await act(owner, listing.id, 'pause');

      await expect(update(owner, listing.id, { hashrate: 30n * TH - 1n })).rejects.toThrow(HashrateBelowRentedError);
      expect((await find(owner, listing.id)).listing.hashrate).toBe((100n * TH).toString());
      expect((await update(owner, listing.id, { hashrate: 30n * TH })).hashrate).toBe((30n * TH).toString());
    });
  });

  describe('browsing', () => {
    // A currency only this suite lists in, cleared of earlier runs' live listings, so the pages are this run's.
    const currency = 'ISK';
    const browse = (filter: BrowseListingsFilter, limit = 50, cursor?: string) =>
      contracts.get(BrowseListingsUseCase).execute({ currency, ...filter }, { limit, cursor });
    let veteran: string;
    let novice: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      await db.query(`UPDATE contracts.listings SET status = 'retired' WHERE currency = $1 AND status = 'live'`, [
        currency,
      ]);
      veteran = await readyProvider(1_000n * TH);
      novice = await readyProvider(1_000n * TH);
      const live = async (label: string, providerId: string, terms: Partial<ListingTerms>) => {
        const listing = await createListing(contracts, providerId, { ...terms, currency });
        await act(providerActor(providerId), listing.id, 'publish');
        ids[label] = listing.id;
      };
      await live('cheap-short', novice, { pricePerThDayMinor: 500n, hashrate: 50n * TH, maxDurationSeconds: 86_400 });
      await live('mid', veteran, { pricePerThDayMinor: 800n, hashrate: 200n * TH });
      await live('mid-twin', novice, { pricePerThDayMinor: 800n, hashrate: 100n * TH });
      await live('dear', veteran, { pricePerThDayMinor: 1_500n, hashrate: 300n * TH, minDurationSeconds: 7 * 86_400 });
      const draft = await createListing(contracts, veteran, { pricePerThDayMinor: 100n, currency });
      ids.draft = draft.id;
      // The veteran's record: two completed rentals, one settled after completing, one terminated and settled.
      const pastRentals = new RentalDriver(contracts);
      await pastRentals.run(veteran, ['active', 'completed']);
      await pastRentals.run(veteran, ['active', 'completed']);
      await pastRentals.run(veteran, ['active', 'completed', 'settled']);
      await pastRentals.run(veteran, ['active', 'terminated', 'settled']);
      await openRental(veteran, ids.mid!, 150n * TH);
    });

    const labelsOf = (page: { items: { listing: { id: string } }[] }) =>
      page.items.map(({ listing }) => Object.keys(ids).find((label) => ids[label] === listing.id) ?? listing.id);

    it('lists live listings only, cheapest first and then by id, with availability and track record', async () => {
      const page = await browse({});
      const [midTwin, mid] = [ids['mid-twin']!, ids.mid!].sort();
      expect(page.items.map(({ listing }) => listing.id)).toEqual([ids['cheap-short'], midTwin, mid, ids.dear]);
      const veteranListing = page.items.find(({ listing }) => listing.id === ids.mid);
      expect(veteranListing).toMatchObject({ held: 150n * TH, track: { completedRentals: 3, terminatedRentals: 1 } });
      expect(page.items.find(({ listing }) => listing.id === ids['cheap-short'])?.track).toEqual({
        completedRentals: 0,
        terminatedRentals: 0,
      });
      expect(page.nextCursor).toBeNull();
    });

    it('filters by available hash rate, price, duration and track record', async () => {
      expect(labelsOf(await browse({ minAvailableHashrate: 60n * TH }))).toEqual(
        expect.arrayContaining(['mid-twin', 'dear']),
      );
      expect(labelsOf(await browse({ minAvailableHashrate: 60n * TH }))).toHaveLength(2);
      expect(labelsOf(await browse({ minAvailableHashrate: 50n * TH })).sort()).toEqual(
        ['cheap-short', 'dear', 'mid', 'mid-twin'].sort(),
      );
      expect(labelsOf(await browse({ maxPricePerThDayMinor: 799n }))).toEqual(['cheap-short']);
      expect(labelsOf(await browse({ durationSeconds: 3 * 86_400 })).sort()).toEqual(['mid', 'mid-twin'].sort());
      expect(labelsOf(await browse({ durationSeconds: 86_400 })).sort()).toEqual(
        ['cheap-short', 'mid', 'mid-twin'].sort(),
      );
      expect(labelsOf(await browse({ minCompletedRentals: 3 })).sort()).toEqual(['dear', 'mid'].sort());
      expect(labelsOf(await browse({ minCompletedRentals: 4 }))).toEqual([]);
      expect(labelsOf(await browse({ maxTerminatedRentals: 0 })).sort()).toEqual(['cheap-short', 'mid-twin'].sort());
      expect(labelsOf(await browse({ providerId: veteran, maxPricePerThDayMinor: 1_000n }))).toEqual(['mid']);
      expect(labelsOf(await browse({ currency: 'JPY', providerId: veteran }))).toEqual([]);
    });

    it('pages by cursor without skipping or repeating, through equal prices', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await browse({}, 1, cursor);
        seen.push(...page.items.map(({ listing }) => listing.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor !== undefined);
      expect(pages).toBe(4);
      expect(seen).toEqual((await browse({})).items.map(({ listing }) => listing.id));
      await expect(browse({}, 1, 'bm90IGEgY3Vyc29y')).rejects.toThrow(InvalidCursorError);
    });

    it('shows a provider its own listings in every status, newest first, paged', async () => {
      const list = contracts.get(ListProviderListingsUseCase);
      const all = await list.execute(providerActor(veteran), { limit: 10 });
      expect(all.items.map(({ listing }) => listing.id)).toEqual([ids.draft, ids.dear, ids.mid]);
      const first = await list.execute(providerActor(veteran), { limit: 2 });
      const rest = await list.execute(providerActor(veteran), { limit: 2, cursor: first.nextCursor ?? undefined });
      expect([...first.items, ...rest.items].map(({ listing }) => listing.id)).toEqual([ids.draft, ids.dear, ids.mid]);
      expect(rest.nextCursor).toBeNull();
      expect(
        (await list.execute(providerActor(veteran), { limit: 10, status: 'draft' })).items.map(
          ({ listing }) => listing.id,
        ),
      ).toEqual([ids.draft]);
      expect((await list.execute(admin, { providerId: novice, limit: 10 })).items).toHaveLength(2);
      await expect(list.execute(providerActor(novice), { providerId: veteran, limit: 10 })).rejects.toThrow(
        ActionForbiddenError,
      );
    });
  });

  describe('the provider’s rentals', () => {
    it('lists the rentals sold from its listings, newest first, with the rigs’ credential only while they should mine', async () => {
      const providerId = await readyProvider(100n * TH);
      const owner = providerActor(providerId);
      const listing = await createListing(contracts, providerId);
      await act(owner, listing.id, 'publish');
      const pending = await openRental(providerId, listing.id, 10n * TH);
      const active = await openRental(providerId, listing.id, 10n * TH);
      await db.query(
        `UPDATE contracts.rentals SET status = 'active', stratum_credential = $2, starts_at = now(),
           ends_at = now() + interval '1 day' WHERE id = $1`,
        [active.id, `hp_${active.id.replaceAll('-', '').slice(0, 24)}`],
      );
      const rentals = contracts.get(ListProviderRentalsUseCase);

      const page = await rentals.execute(owner, { limit: 10 });
      expect(page.items.map((rental) => [rental.id, rental.status, rental.stratumCredential])).toEqual([
        [active.id, 'active', `hp_${active.id.replaceAll('-', '').slice(0, 24)}`],
        [pending.id, 'pending_payment', null],
      ]);
      const first = await rentals.execute(owner, { limit: 1 });
      const second = await rentals.execute(owner, { limit: 1, cursor: first.nextCursor ?? undefined });
      expect([...first.items, ...second.items].map((rental) => rental.id)).toEqual([active.id, pending.id]);
      expect(second.nextCursor).toBeNull();
      expect((await rentals.execute(owner, { limit: 10, status: 'active' })).items).toHaveLength(1);

      const stranger = providerActor(randomUUID());
      expect((await rentals.execute(stranger, { limit: 10 })).items).toEqual([]);
      await expect(rentals.execute(renter, { limit: 10 })).rejects.toThrow(ActionForbiddenError);
      expect((await rentals.execute(admin, { providerId, limit: 10 })).items).toHaveLength(2);
    });
  });

  it('refuses terms that break the listing rules', async () => {
    await expect(
      createListing(contracts, randomUUID(), { ...defaultListingTerms, currency: 'XYZ', hashrate: 0n }),
    ).rejects.toThrow(InvalidListingTermsError);
  });
});
