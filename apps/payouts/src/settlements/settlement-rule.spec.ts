import fc from 'fast-check';
import {
  type ContractTerms,
  InvalidSettlementInputError,
  type MeasuredDelivery,
  settleRental,
} from './settlement-rule';

const second = 1000;
const day = 86_400 * second;
const start = new Date('2026-01-05T00:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);

/** 10,000 shares a second at difficulty 1: about 42.9 TH/s, chosen so that exact work is an exact double. */
const sharesPerSecond = 10_000;
const hashrate = BigInt(sharesPerSecond) * 2n ** 32n;

const week: ContractTerms = { paidMinor: 1_234_501n, startsAt: start, endsAt: at(7 * day), hashrate };

/** Work delivered at `fraction` of the contracted rate for `ms`. */
const workOver = (ms: number, fraction = 1) => (sharesPerSecond * fraction * ms) / second;

const measured = (ms: number, work: number, poolDownSeconds = 0): MeasuredDelivery => ({
  startsAt: start,
  endsAt: at(ms),
  deliveredWork: work,
  poolDownSeconds,
});

describe('settling an ended rental', () => {
  it('pays the whole value for exact delivery of the full contract', () => {
    expect(settleRental(week, measured(7 * day, workOver(7 * day)))).toEqual({
      providerEarningsMinor: 1_234_501n,
      renterRefundMinor: 0n,
      creditedMs: BigInt(7 * day),
    });
  });

  it('pays floor(V/2) for half the contracted work, refunding the rest', () => {
    expect(settleRental(week, measured(7 * day, workOver(7 * day, 0.5)))).toEqual({
      providerEarningsMinor: 617_250n,
      renterRefundMinor: 617_251n,
      creditedMs: BigInt(3.5 * day),
    });
  });

  it('pays nothing for no delivery', () => {
    expect(settleRental(week, measured(7 * day, 0))).toMatchObject({
      providerEarningsMinor: 0n,
      renterRefundMinor: 1_234_501n,
    });
  });

  it('pays 25% for a pro-rata cancel at a quarter of the period with full delivery until then', () => {
    const cancelledAt = 1.75 * day;
    expect(settleRental(week, measured(cancelledAt, workOver(cancelledAt)))).toEqual({
      providerEarningsMinor: 308_625n, // floor(1,234,501 / 4)
      renterRefundMinor: 925_876n,
      creditedMs: BigInt(cancelledAt),
    });
  });

  it('caps over-delivery at the measured period: a terminated rental is paid only up to its end', () => {
    const terminatedAt = 1.75 * day;
    expect(settleRental(week, measured(terminatedAt, workOver(terminatedAt, 3)))).toMatchObject({
      providerEarningsMinor: 308_625n,
      creditedMs: BigInt(terminatedAt),
    });
    expect(settleRental(week, measured(7 * day, workOver(7 * day, 2)))).toMatchObject({
      providerEarningsMinor: week.paidMinor,
      renterRefundMinor: 0n,
    });
  });

  it('credits the renter’s pool outages to the provider', () => {
    // Down for a quarter of the week, full rate the rest of the time: the provider delivered all it could.
    const down = 1.75 * day;
    expect(settleRental(week, measured(7 * day, workOver(7 * day - down), down / second))).toMatchObject({
      providerEarningsMinor: week.paidMinor,
      renterRefundMinor: 0n,
    });
    // Down for a quarter, half the rate otherwise: 37.5% delivered + 25% outage.
    const halfRate = settleRental(week, measured(7 * day, workOver(7 * day - down, 0.5), down / second));
    expect(halfRate.creditedMs).toBe(BigInt(0.625 * 7 * day));
    expect(halfRate.providerEarningsMinor).toBe((week.paidMinor * 5n) / 8n);
  });

  it('takes outage seconds to the millisecond the verifier counted, float noise aside', () => {
    const noWork = (poolDownSeconds: number) => settleRental(week, measured(7 * day, 0, poolDownSeconds)).creditedMs;
    expect(noWork(0.29)).toBe(290n);
    expect(noWork(0.1 + 0.2)).toBe(300n);
  });

  it('is exact for a value near 2^53 minor units and exahashes of hash rate', () => {
    const exahashes = 10n ** 9n * 2n ** 32n; // ≈ 4.3 EH/s
    const month: ContractTerms = {
      paidMinor: BigInt(Number.MAX_SAFE_INTEGER),
      startsAt: start,
      endsAt: at(30 * day),
      hashrate: exahashes,
    };
    const sharesOver = (ms: number) => (1e9 * ms) / second;
    expect(settleRental(month, measured(30 * day, sharesOver(30 * day)))).toMatchObject({
      providerEarningsMinor: 9_007_199_254_740_991n,
      renterRefundMinor: 0n,
    });
    expect(settleRental(month, measured(30 * day, sharesOver(15 * day))).providerEarningsMinor).toBe(
      4_503_599_627_370_495n,
    );
    // V × credited ms is far beyond 2^53: float arithmetic would pay 3,002,399,852,355,322, a unit too many.
    const odd = settleRental(month, measured(30 * day, 864_000_029_000_000));
    expect(odd).toMatchObject({ providerEarningsMinor: 3_002_399_852_355_321n, creditedMs: 864_000_029n });
    expect(odd.providerEarningsMinor + odd.renterRefundMinor).toBe(month.paidMinor);
  });

  it('rounds in the renter’s favour by less than one minor unit, and the two amounts always add up', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
        fc.integer({ min: 1, max: 365 * day }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.bigInt({ min: 1n, max: 10n ** 21n }),
        (paidMinor, contractedMs, deliveredFraction, endedFraction, downFraction, rate) => {
          const terms: ContractTerms = { paidMinor, startsAt: start, endsAt: at(contractedMs), hashrate: rate };
          const measuredMs = Math.floor(contractedMs * endedFraction);
          const work = (Number(rate) / 2 ** 32) * (measuredMs / second) * deliveredFraction;
          const delivery = measured(measuredMs, work, (measuredMs / second) * downFraction);
          const { providerEarningsMinor, renterRefundMinor, creditedMs } = settleRental(terms, delivery);

          expect(providerEarningsMinor).toBeGreaterThanOrEqual(0n);
          expect(renterRefundMinor).toBeGreaterThanOrEqual(0n);
          expect(providerEarningsMinor + renterRefundMinor).toBe(paidMinor);
          expect(creditedMs).toBeLessThanOrEqual(BigInt(measuredMs));
          // earnings ≤ V × credited / T < earnings + 1
          const exact = paidMinor * creditedMs;
          const periodMs = BigInt(contractedMs);
          expect(providerEarningsMinor * periodMs).toBeLessThanOrEqual(exact);
          expect((providerEarningsMinor + 1n) * periodMs).toBeGreaterThan(exact);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses input it cannot settle', () => {
    const full = measured(7 * day, workOver(7 * day));
    expect(() => settleRental({ ...week, hashrate: 0n }, full)).toThrow(InvalidSettlementInputError);
    expect(() => settleRental({ ...week, endsAt: start }, full)).toThrow(/the contracted period is empty/);
    expect(() => settleRental(week, { ...full, endsAt: at(-1) })).toThrow(/measured period ends before/);
    expect(() => settleRental(week, { ...full, deliveredWork: Number.NaN })).toThrow(/delivered work/);
    expect(() => settleRental({ ...week, paidMinor: -1n }, full)).toThrow(/amount paid is negative/);
  });
});
