import { randomUUID } from 'node:crypto';
import { Listing } from './listing.entity';
import { listingView } from './listing.dto';
import type { ListingStatus } from './listing-status';

const TH = 1_000_000_000_000n;

function listing(status: ListingStatus): Listing {
  return Object.assign(new Listing(), {
    id: randomUUID(),
    providerId: randomUUID(),
    status,
    algorithm: 'sha256d',
    hashrate: (100n * TH).toString(),
    minDurationSeconds: 3_600,
    maxDurationSeconds: 86_400,
    pricePerThDayMinor: '1250',
    currency: 'USD',
    createdAt: new Date('2026-11-24T10:00:00Z'),
    updatedAt: new Date('2026-11-24T11:00:00Z'),
    version: 1,
  });
}

describe('the listing view', () => {
  it('carries H/s as decimal strings and the price as an integer number of minor units', () => {
    expect(listingView({ listing: listing('live'), held: 30n * TH })).toMatchObject({
      hashrate: '100000000000000',
      rentedHashrate: '30000000000000',
      availableHashrate: '70000000000000',
      pricePerThDayMinor: 1250,
      createdAt: '2026-11-24T10:00:00.000Z',
    });
  });

  it('shows nothing available unless the listing is live', () => {
    for (const status of ['draft', 'paused', 'retired'] as const) {
      expect(listingView({ listing: listing(status), held: 0n }).availableHashrate).toBe('0');
    }
  });
});
