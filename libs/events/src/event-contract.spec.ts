import { randomUUID } from 'node:crypto';
import { InvalidEventError } from './invalid-event.error';
import { rentalActivatedV1 } from './rentals/rental-activated/rental-activated.event';
import { topicCatalog } from './topic-catalog';

const rentalId = randomUUID();
const metadata = {
  eventId: randomUUID(),
  occurredAt: '2026-11-24T07:00:00.000Z',
  correlationId: 'req-1',
  causationId: null,
  producer: 'contracts',
};
const value = {
  rentalId,
  listingId: randomUUID(),
  providerId: randomUUID(),
  renterId: randomUUID(),
  algorithm: 'sha256d' as const,
  hashrate: '50000000000000',
  startsAt: '2026-11-24T07:00:00.000Z',
  endsAt: '2026-12-01T07:00:00.000Z',
  price: { amountMinor: 1_234_500, currency: 'USD' },
  stratum: {
    credential: 'hp_Q2hvb3NlIGEgZ29vZCBvbmU',
    pool: { url: 'stratum+tcp://btc.viabtc.io:3333', worker: 'renter.rig1', password: 'x' },
  },
};

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidEventError) return error.problems;
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}

describe('EventContract', () => {
  it('keys the message by the entity id and round-trips the envelope', () => {
    const message = rentalActivatedV1.serialize(metadata, { rentalId }, value);
    expect(message.key).toBe(rentalId);
    expect(rentalActivatedV1.deserialize(message.value)).toEqual({
      ...metadata,
      topic: 'rentals.activated.v1',
      key: { rentalId },
      value,
    });
  });

  it('refuses to produce an event that breaks its contract, naming the field', () => {
    expect(
      problemsOf(() => rentalActivatedV1.serialize(metadata, { rentalId }, { ...value, hashrate: '1.5' })),
    ).toEqual(['value.hashrate: a non-negative integer in H/s, as a string']);
  });

  it('refuses a pool that is not a stratum+tcp host:port and a guessable credential', () => {
    const pool = (url: string) => ({ ...value, stratum: { ...value.stratum, pool: { ...value.stratum.pool, url } } });
    expect(problemsOf(() => rentalActivatedV1.serialize(metadata, { rentalId }, pool('http://pool:3333')))).toEqual([
      'value.stratum.pool.url: a pool URL like stratum+tcp://host:3333',
    ]);
    expect(() =>
      rentalActivatedV1.serialize(metadata, { rentalId }, pool('stratum+tcp://[2001:db8::1]:3333')),
    ).not.toThrow();
    expect(
      problemsOf(() =>
        rentalActivatedV1.serialize(
          metadata,
          { rentalId },
          { ...value, stratum: { ...value.stratum, credential: 'rig1' } },
        ),
      ),
    ).toEqual(['value.stratum.credential: 20–64 URL-safe characters']);
  });

  it('rejects consumed messages that are not JSON, lack metadata or belong to another topic', () => {
    expect(problemsOf(() => rentalActivatedV1.deserialize('{not json'))).toEqual(['value is not JSON']);
    expect(problemsOf(() => rentalActivatedV1.deserialize(null))).toEqual(['message has no value']);
    const good = JSON.parse(rentalActivatedV1.serialize(metadata, { rentalId }, value).value) as Record<
      string,
      unknown
    >;
    expect(problemsOf(() => rentalActivatedV1.deserialize(JSON.stringify({ ...good, eventId: 'x' })))).toEqual([
      expect.stringMatching(/^eventId: /),
    ]);
    expect(
      problemsOf(() => rentalActivatedV1.deserialize(JSON.stringify({ ...good, topic: 'rentals.activated.v2' }))),
    ).toEqual([expect.stringMatching(/^topic: /)]);
  });

  it('catalogs only versioned topics with explicit partition counts of at least 6', () => {
    for (const settings of topicCatalog) {
      expect(settings.topic).toMatch(/^[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(settings.partitions).toBeGreaterThanOrEqual(6);
    }
    expect(new Set(topicCatalog.map((t) => t.topic)).size).toBe(topicCatalog.length);
  });
});
