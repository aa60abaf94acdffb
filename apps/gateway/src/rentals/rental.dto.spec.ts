import { randomUUID } from 'node:crypto';
import { idempotencyKeySchema, RentDto, rentalView } from './rental.dto';

const body = {
  listingId: randomUUID(),
  hashrate: '10000000000000',
  durationSeconds: 3_600,
  pool: { url: 'stratum+tcp://pool.example:3333', worker: 'pat.rig1' },
};

describe('renting through the API', () => {
  it('takes a listing, a hash rate, a duration and a pool, its password x unless given', () => {
    expect(RentDto.schema.parse(body)).toEqual({ ...body, pool: { ...body.pool, password: 'x' } });
  });

  it('refuses a price, or any field it does not know, and a zero hash rate', () => {
    expect(RentDto.schema.safeParse({ ...body, priceMinor: 1 }).success).toBe(false);
    expect(RentDto.schema.safeParse({ ...body, pool: { ...body.pool, port: 1 } }).success).toBe(false);
    expect(RentDto.schema.safeParse({ ...body, hashrate: '0' }).success).toBe(false);
  });

  it('takes Idempotency-Keys of visible ASCII up to 255 characters', () => {
    expect(idempotencyKeySchema.safeParse(randomUUID()).success).toBe(true);
    expect(idempotencyKeySchema.safeParse('a'.repeat(256)).success).toBe(false);
    expect(idempotencyKeySchema.safeParse('with space').success).toBe(false);
  });

  it('shows the stratum endpoint only with a credential', () => {
    const rental = {
      id: randomUUID(),
      listingId: body.listingId,
      providerId: randomUUID(),
      renterId: randomUUID(),
      status: 'active' as const,
      hashrate: body.hashrate,
      durationSeconds: 3_600,
      priceMinor: 417,
      currency: 'USD',
      startsAt: null,
      endsAt: null,
      createdAt: new Date().toISOString(),
      paymentHoldExpiresAt: null,
      pool: null,
      settlement: null,
    };
    expect(rentalView({ ...rental, stratumCredential: 'hp_abc' }, 'stratum+tcp://v:3333').stratum).toEqual({
      url: 'stratum+tcp://v:3333',
      credential: 'hp_abc',
    });
    expect(rentalView({ ...rental, stratumCredential: null }, 'stratum+tcp://v:3333').stratum).toBeNull();
  });
});
