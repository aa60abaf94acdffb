import { randomUUID } from 'node:crypto';
import { providerRentalView } from './provider-rental.dto';

const rental = (status: 'active' | 'completed', stratumCredential: string | null) => ({
  id: randomUUID(),
  listingId: randomUUID(),
  providerId: randomUUID(),
  status,
  hashrate: '10000000000000',
  durationSeconds: 86_400,
  priceMinor: 1_000,
  currency: 'USD',
  startsAt: '2026-11-24T10:00:00.000Z',
  endsAt: '2026-11-25T10:00:00.000Z',
  createdAt: '2026-11-24T09:59:00.000Z',
  stratumCredential,
});

describe('a rental as its provider sees it', () => {
  it('says where and under which worker name the rigs mine it while it runs', () => {
    const view = providerRentalView(rental('active', 'hp_abcdefghijklmnopqrstuvwx'), 'stratum+tcp://mine.example:3333');
    expect(view.stratum).toEqual({ url: 'stratum+tcp://mine.example:3333', credential: 'hp_abcdefghijklmnopqrstuvwx' });
    expect(view).not.toHaveProperty('stratumCredential');
  });

  it('has no stratum details when contracts shows no credential', () => {
    expect(providerRentalView(rental('completed', null), 'stratum+tcp://mine.example:3333').stratum).toBeNull();
  });
});
