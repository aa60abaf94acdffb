import type { DeliveredRental } from './delivered-rental.entity';
import { deliverySummaryView } from './delivery-summary.dto';
import type { DeliveryWindow } from './delivery-window.entity';
import type { DeliverySummary } from './get-delivery-summary.usecase';
import type { Measurement } from './measurement';

const rentalId = '5f0c7c2e-2a59-4d6a-9d0e-3c1f4b0a7e11';

const measurement = (estimatedHashrate: number): Measurement => ({
  measuredSeconds: 600,
  acceptedShares: 100,
  deliveredWork: 1e6,
  estimatedHashrate,
  lower: estimatedHashrate * 0.8,
  upper: estimatedHashrate * 1.2,
  pValue: 0.4,
  verdict: 'ok',
});

const window = {
  rentalId,
  windowIndex: 3,
  contractedHashrate: '1000000000000',
  measurement: measurement(9e11),
  contractToDate: measurement(1.1e12),
} as DeliveryWindow;

const rental = {
  rentalId,
  contractedHashrate: '2000000000000',
  startsAt: new Date('2026-01-01T00:00:00.000Z'),
  endsAt: new Date('2026-01-08T00:00:00.000Z'),
} as DeliveredRental;

const totals = {
  windowsClosed: 4,
  acceptedShares: 400,
  rejectedByReason: { duplicate: 2 },
  poolDownSeconds: 30,
  rigConnectedSeconds: 2400,
};

function summary(overrides: Partial<DeliverySummary>): DeliverySummary {
  return { rentalId, rental, latestWindow: window, totals, flags: [], ...overrides };
}

describe('the delivery summary view', () => {
  it("takes the current judgement from the latest window's contract to date", () => {
    expect(deliverySummaryView(summary({}))).toMatchObject({
      rentalId,
      contractedHashrate: '2000000000000',
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2026-01-08T00:00:00.000Z',
      contractToDate: { ...measurement(1.1e12), windowIndex: 3 },
      totals,
    });
  });

  it('has no judgement before the first window, and no terms before the activation', () => {
    expect(deliverySummaryView(summary({ latestWindow: null }))).toMatchObject({ contractToDate: null });
    expect(deliverySummaryView(summary({ rental: null }))).toMatchObject({
      contractedHashrate: '1000000000000',
      startsAt: null,
      endsAt: null,
    });
    expect(deliverySummaryView(summary({ rental: null, latestWindow: null })).contractedHashrate).toBeNull();
  });

  it('separates open flags from cleared ones', () => {
    const raisedAt = new Date('2026-01-01T00:10:00.000Z');
    const clearedAt = new Date('2026-01-01T00:20:00.000Z');
    const view = deliverySummaryView(
      summary({
        flags: [
          {
            cause: 'provider-silent',
            raisedInWindow: 0,
            raisedAt,
            evidence: { a: 1 },
            cleared: { inWindow: 1, at: clearedAt },
          },
          { cause: 'under-delivery-review', raisedInWindow: 1, raisedAt, evidence: { b: 2 }, cleared: null },
        ],
      }),
    );
    expect(view.flags).toEqual({
      open: [{ cause: 'under-delivery-review', windowIndex: 1, raisedAt: raisedAt.toISOString(), evidence: { b: 2 } }],
      cleared: [
        {
          cause: 'provider-silent',
          windowIndex: 0,
          raisedAt: raisedAt.toISOString(),
          evidence: { a: 1 },
          clearedInWindow: 1,
          clearedAt: clearedAt.toISOString(),
        },
      ],
    });
  });
});
