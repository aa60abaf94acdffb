import { randomUUID } from 'node:crypto';
import { isSamePurchase } from './same-purchase';

const listingId = randomUUID();
const rental = {
  listingId,
  hashrate: '10000000000000',
  durationSeconds: 3_600,
  poolUrl: 'stratum+tcp://pool.example:3333',
  poolWorker: 'pat.rig1',
  poolPassword: 'x',
};
const request = {
  listingId,
  hashrate: 10_000_000_000_000n,
  durationSeconds: 3_600,
  pool: { url: 'stratum+tcp://pool.example:3333', worker: 'pat.rig1', password: 'x' },
};

describe('a purchase retried under the same Idempotency-Key', () => {
  it('is the same purchase when it asks for exactly the same', () => {
    expect(isSamePurchase(rental, request)).toBe(true);
  });

  it('is another purchase when any term differs', () => {
    expect(isSamePurchase(rental, { ...request, listingId: randomUUID() })).toBe(false);
    expect(isSamePurchase(rental, { ...request, hashrate: request.hashrate + 1n })).toBe(false);
    expect(isSamePurchase(rental, { ...request, durationSeconds: 7_200 })).toBe(false);
    expect(isSamePurchase(rental, { ...request, pool: { ...request.pool, worker: 'pat.rig2' } })).toBe(false);
    expect(isSamePurchase(rental, { ...request, pool: { ...request.pool, password: 'y' } })).toBe(false);
  });
});
