import { randomBytes } from 'node:crypto';
import { type Client } from 'pg';

const TH = 1_000_000_000_000n;
const DAY = 86_400;

/** What the seed put in place, as the benchmark's requests need it. */
export interface Marketplace {
  readonly providers: number;
  readonly listings: number;
  readonly liveListings: readonly SeededListing[];
  readonly rentals: number;
  readonly transitions: number;
}

export interface SeededListing {
  readonly id: string;
  readonly providerId: string;
  readonly currency: string;
  readonly hashrate: bigint;
  /** H/s held by its rentals now (active ones). */
  readonly held: bigint;
  readonly minDurationSeconds: number;
  readonly maxDurationSeconds: number;
  readonly pricePerThDayMinor: number;
}

type ListingStatus = 'draft' | 'live' | 'paused' | 'retired';
type Row = readonly unknown[];

/** Deterministic, so every run seeds the same marketplace: mulberry32. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A version-4-shaped UUID from the generator, so ids are the same from run to run. */
function uuidFrom(random: () => number): string {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random() * total;
  for (const [value, weight] of weighted) {
    at -= weight;
    if (at < 0) return value;
  }
  return (weighted.at(-1) as readonly [T, number])[0];
}

/**
 * Inserts rows through `unnest` of one array per column, a few thousand rows a statement. As the database's
 * owner: the rows are what contracts' own use cases would have written (listings and their audit trail,
 * completed capacity checks, payout accounts Stripe confirmed, rentals and their transitions, providers' track
 * records).
 */
async function insertRows(
  db: Client,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: readonly Row[],
): Promise<void> {
  const chunk = 5_000;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const names = columns.map(([name]) => `"${name}"`).join(', ');
    const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
    await db.query(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`,
      columns.map((_, index) => slice.map((row) => row[index])),
    );
  }
}

/**
 * A marketplace of `providers` providers, seeded directly in contracts' schema as the integration test
 * benches do: each provider has a completed capacity check and a connected payout account, one to three
 * listings (most live; some draft, paused or retired) on varied terms, and a history of rentals (completed,
 * terminated for non-delivery, settled) with the track record they add up to, plus active rentals holding part of its
 * live listings. Heavy-tailed: most providers have a few past rentals, a few have hundreds.
 */
export async function seedMarketplace(db: Client, providers: number): Promise<Marketplace> {
  const random = prng(20_260_501);
  const now = Date.now();
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();
  const listings: Row[] = [];
  const listingTransitions: Row[] = [];
  const capacities: Row[] = [];
  const payoutAccounts: Row[] = [];
  const rentals: Row[] = [];
  const rentalTransitions: Row[] = [];
  const trackRecords: Row[] = [];
  const liveListings: SeededListing[] = [];
  const pastRenters = Array.from({ length: 2_000 }, () => uuidFrom(random));
  const poolUrl = 'stratum+tcp://pool.example.test:3333';

  /** A rental and its audit trail: opened, paid and started, then ended as the trail says. */
  const addRental = (
    listing: { id: string; providerId: string; currency: string; pricePerThDayMinor: number },
    hashrate: bigint,
    trail: readonly string[],
    endedSecondsAgo: number,
    durationSeconds: number,
  ) => {
    const id = uuidFrom(random);
    const status = trail.at(-1) as string;
    const started = trail.includes('active');
    const startedSecondsAgo = endedSecondsAgo + durationSeconds;
    const openedSecondsAgo = startedSecondsAgo + 120;
    const priceMinor = (BigInt(listing.pricePerThDayMinor) * hashrate * BigInt(durationSeconds)) / (TH * BigInt(DAY));
    // When each step of the trail happened: opened, paid (started), ended, settled an hour after.
    const stepSecondsAgo = [openedSecondsAgo, startedSecondsAgo, endedSecondsAgo, endedSecondsAgo - 3_600];
    if (!started) stepSecondsAgo[1] = openedSecondsAgo - 900; // cancelled unpaid when the hold ran out
    rentals.push([
      id,
      listing.id,
      listing.providerId,
      pastRenters[Math.floor(random() * pastRenters.length)],
      hashrate.toString(),
      durationSeconds,
      priceMinor.toString(),
      listing.currency,
      status,
      started ? ago(startedSecondsAgo) : null,
      started ? ago(endedSecondsAgo) : null,
      ago(openedSecondsAgo),
      ago(Math.max(0, stepSecondsAgo[trail.length - 1] ?? 0)),
      trail.length,
      poolUrl,
      `renter.${id.slice(0, 8)}`,
      started ? `hp_${randomBytes(18).toString('base64url')}` : null,
    ]);
    let from: string | null = null;
    for (const [step, to] of trail.entries()) {
      const actor = step === 0 ? 'renter' : to === 'active' ? 'stripe' : 'system';
      rentalTransitions.push([id, from, to, actor, ago(stepSecondsAgo[step] ?? 0)]);
      from = to;
    }
  };

  for (let p = 0; p < providers; p++) {
    const providerId = uuidFrom(random);
    payoutAccounts.push([
      providerId,
      `acct_bench${uuidFrom(random).replaceAll('-', '').slice(0, 16)}`,
      true,
      `provider:${providerId}`,
    ]);
    const own: SeededListing[] = [];
    let liveHashrate = 0n;
    const count = pick(random, [
      [1, 5],
      [2, 3],
      [3, 2],
    ]);
    for (let l = 0; l < count; l++) {
      const status = pick<ListingStatus>(random, [
        ['live', 85],
        ['paused', 6],
        ['draft', 5],
        ['retired', 4],
      ]);
      const hashrate =
        BigInt(
          pick(
            random,
            [10, 20, 25, 50, 75, 100, 150, 200, 250, 500].map((th) => [th, 1]),
          ),
        ) * TH;
      const minDurationSeconds = pick(random, [
        [3_600, 4],
        [DAY, 3],
        [3 * DAY, 1],
      ]);
      const maxDurationSeconds = pick(random, [
        [7 * DAY, 3],
        [14 * DAY, 2],
        [30 * DAY, 3],
        [90 * DAY, 1],
      ]);
      const listing = {
        id: uuidFrom(random),
        providerId,
        currency: pick(random, [
          ['USD', 80],
          ['EUR', 15],
          ['GBP', 5],
        ]),
        hashrate,
        held: 0n,
        minDurationSeconds,
        maxDurationSeconds,
        pricePerThDayMinor: 600 + Math.floor(random() * 1_900),
      };
      const createdSecondsAgo = Math.floor(DAY + random() * 180 * DAY);
      listings.push([
        listing.id,
        providerId,
        status,
        'sha256d',
        hashrate.toString(),
        minDurationSeconds,
        maxDurationSeconds,
        listing.pricePerThDayMinor,
        listing.currency,
        ago(createdSecondsAgo),
        ago(createdSecondsAgo / 2),
        status === 'draft' ? 1 : 2,
      ]);
      const actor = `provider:${providerId}`;
      listingTransitions.push([listing.id, null, 'draft', actor, ago(createdSecondsAgo)]);
      if (status !== 'draft')
        listingTransitions.push([listing.id, 'draft', 'live', actor, ago(createdSecondsAgo - 60)]);
      if (status === 'paused' || status === 'retired') {
        listingTransitions.push([listing.id, 'live', status, actor, ago(createdSecondsAgo / 2)]);
      }
      if (status === 'live') {
        liveHashrate += hashrate;
        // Rentals running now: up to two per live listing, holding 5-25% of it each.
        const running = pick(random, [
          [0, 5],
          [1, 3],
          [2, 2],
        ]);
        for (let r = 0; r < running; r++) {
          const held = (hashrate * BigInt(5 + Math.floor(random() * 21))) / 100n;
          listing.held += held;
          addRental(listing, held, ['pending_payment', 'active'], -3 * DAY, 7 * DAY);
        }
        own.push(listing);
      } else {
        own.push({ ...listing, held: -1n });
      }
    }
    // The track record: heavy-tailed, 0 to ~200 past rentals on the provider's listings.
    const past = Math.floor(Math.exp(random() * Math.log(200))) - 1;
    const track = { completed: 0, terminated: 0 };
    for (let r = 0; r < past; r++) {
      const listing = own[Math.floor(random() * own.length)] as SeededListing;
      const ending = pick<readonly string[]>(random, [
        [['pending_payment', 'active', 'completed'], 30],
        [['pending_payment', 'active', 'completed', 'settled'], 60],
        [['pending_payment', 'active', 'terminated'], 2],
        [['pending_payment', 'active', 'terminated', 'settled'], 4],
        [['pending_payment', 'cancelled'], 4],
      ]);
      const hashrate = (listing.hashrate * BigInt(10 + Math.floor(random() * 91))) / 100n;
      const durationSeconds = pick(random, [
        [DAY, 2],
        [7 * DAY, 3],
        [30 * DAY, 1],
      ]);
      addRental(listing, hashrate, ending, Math.floor(random() * 170 * DAY) + DAY, durationSeconds);
      // As contracts keeps it: a settled rental counts by how it ended before.
      if (ending.includes('completed')) track.completed += 1;
      if (ending.includes('terminated')) track.terminated += 1;
    }
    if (track.completed + track.terminated > 0) trackRecords.push([providerId, track.completed, track.terminated]);
    for (const listing of own) if (listing.held >= 0n) liveListings.push(listing);
    // The latest completed capacity check verified the live listings and some headroom.
    const verified = liveHashrate + BigInt(50 + Math.floor(random() * 150)) * TH;
    capacities.push([providerId, verified.toString(), verified.toString(), true, uuidFrom(random), ago(2 * DAY)]);
  }

  await db.query('BEGIN');
  try {
    await insertRows(
      db,
      'contracts.provider_payout_accounts',
      [
        ['provider_id', 'uuid'],
        ['stripe_account_id', 'text'],
        ['payouts_enabled', 'boolean'],
        ['updated_by', 'text'],
      ],
      payoutAccounts,
    );
    await insertRows(
      db,
      'contracts.provider_capacities',
      [
        ['provider_id', 'uuid'],
        ['verified_hashrate', 'numeric'],
        ['claimed_hashrate', 'numeric'],
        ['passed', 'boolean'],
        ['check_id', 'uuid'],
        ['completed_at', 'timestamptz'],
      ],
      capacities,
    );
    await insertRows(
      db,
      'contracts.listings',
      [
        ['id', 'uuid'],
        ['provider_id', 'uuid'],
        ['status', 'text'],
        ['algorithm', 'text'],
        ['hashrate', 'numeric'],
        ['min_duration_seconds', 'int'],
        ['max_duration_seconds', 'int'],
        ['price_per_th_day_minor', 'bigint'],
        ['currency', 'text'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
        ['version', 'int'],
      ],
      listings,
    );
    await insertRows(
      db,
      'contracts.listing_transitions',
      [
        ['listing_id', 'uuid'],
        ['from_status', 'text'],
        ['to_status', 'text'],
        ['actor', 'text'],
        ['occurred_at', 'timestamptz'],
      ],
      listingTransitions,
    );
    await insertRows(
      db,
      'contracts.rentals',
      [
        ['id', 'uuid'],
        ['listing_id', 'uuid'],
        ['provider_id', 'uuid'],
        ['renter_id', 'uuid'],
        ['hashrate', 'numeric'],
        ['duration_seconds', 'int'],
        ['price_minor', 'bigint'],
        ['currency', 'text'],
        ['status', 'text'],
        ['starts_at', 'timestamptz'],
        ['ends_at', 'timestamptz'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
        ['version', 'int'],
        ['pool_url', 'text'],
        ['pool_worker', 'text'],
        ['stratum_credential', 'text'],
      ],
      rentals,
    );
    await insertRows(
      db,
      'contracts.rental_transitions',
      [
        ['rental_id', 'uuid'],
        ['from_status', 'text'],
        ['to_status', 'text'],
        ['actor', 'text'],
        ['occurred_at', 'timestamptz'],
      ],
      rentalTransitions,
    );
    await insertRows(
      db,
      'contracts.provider_track_records',
      [
        ['provider_id', 'uuid'],
        ['completed_rentals', 'int'],
        ['terminated_rentals', 'int'],
      ],
      trackRecords,
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
  // What the planner knows about the tables decides the browse query's plan: fresh statistics, as autovacuum
  // would have gathered them on a marketplace that grew over months.
  await db.query('ANALYZE');
  return {
    providers,
    listings: listings.length,
    liveListings,
    rentals: rentals.length,
    transitions: rentalTransitions.length,
  };
}
