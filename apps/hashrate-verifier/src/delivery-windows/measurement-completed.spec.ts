import { deliveryMeasurementCompletedV1 } from '@hashproof/events';
import type { DeliveryJudgement } from './judge-delivery';
import { type ClosedWindows, measurementCompleted } from './measurement-completed';

const contract = {
  rentalId: '1b4e28ba-2fa1-4d2b-9b1e-5f8e7c6d5a40',
  contractedHashrate: '50000000000000',
  startsAt: new Date('2026-11-24T10:00:00.000Z'),
  endsAt: new Date('2026-11-24T10:25:00.000Z'),
};
const contractToDate: DeliveryJudgement = {
  measuredSeconds: 1_470,
  acceptedShares: 441,
  deliveredWork: 5_133_012.25,
  estimatedHashrate: 4.98e13,
  lower: 4.5e13,
  upper: 5.4e13,
  pValue: 0.46,
  verdict: 'ok',
};
const closed: ClosedWindows = {
  count: 3,
  poolDownSeconds: 30,
  rigConnectedSeconds: 1_440.5,
  lastEndsAt: contract.endsAt,
  contractToDate,
};
const metadata = {
  eventId: '6f1c1b7e-3f0a-4b8e-9d4b-2a9f5c1e7d30',
  occurredAt: '2026-11-24T10:26:00.000Z',
  correlationId: 'spec',
  causationId: null,
  producer: 'spec',
};

describe('measurementCompleted', () => {
  it('is the period from start to end, the last contract-to-date judgement, and pool and rig time of every window', () => {
    const value = measurementCompleted(contract, closed);
    expect(value).toEqual({
      rentalId: contract.rentalId,
      startsAt: '2026-11-24T10:00:00.000Z',
      endsAt: '2026-11-24T10:25:00.000Z',
      contractedHashrate: '50000000000000',
      windows: 3,
      measuredSeconds: 1_470,
      poolDownSeconds: 30,
      rigConnectedSeconds: 1_440.5,
      acceptedShares: 441,
      deliveredWork: 5_133_012.25,
      estimatedHashrate: 4.98e13,
      lower: 4.5e13,
      upper: 5.4e13,
      pValue: 0.46,
      verdict: 'ok',
    });
    expect(() =>
      deliveryMeasurementCompletedV1.serialize(metadata, { rentalId: contract.rentalId }, value),
    ).not.toThrow();
  });

  it('runs to the end of the last window judged when the rental was cut short below it', () => {
    const cutShort = { ...contract, endsAt: new Date('2026-11-24T10:13:00.000Z') };
    const value = measurementCompleted(cutShort, { ...closed, lastEndsAt: new Date('2026-11-24T10:20:00.000Z') });
    expect(value.endsAt).toBe('2026-11-24T10:20:00.000Z');
    expect(value.windows).toBe(3);
  });

  it('says nothing was measured for a rental ended at its start', () => {
    const empty = { ...contract, endsAt: contract.startsAt };
    const value = measurementCompleted(empty, {
      count: 0,
      poolDownSeconds: 0,
      rigConnectedSeconds: 0,
      lastEndsAt: null,
      contractToDate: null,
    });
    expect(value).toMatchObject({
      startsAt: '2026-11-24T10:00:00.000Z',
      endsAt: '2026-11-24T10:00:00.000Z',
      windows: 0,
      measuredSeconds: 0,
      acceptedShares: 0,
      deliveredWork: 0,
      pValue: null,
      verdict: 'insufficient-data',
    });
    expect(() =>
      deliveryMeasurementCompletedV1.serialize(metadata, { rentalId: contract.rentalId }, value),
    ).not.toThrow();
  });
});
