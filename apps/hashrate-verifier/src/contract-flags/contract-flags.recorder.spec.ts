import type { Outbox } from '@hashproof/messaging';
import { originatingFrom } from '@hashproof/messaging';
import type { EntityManager } from 'typeorm';
import type { ContractPurpose } from '../delivery-contracts/contract-purpose';
import { publishesDeliveryEvents } from '../delivery-contracts/contract-purpose';
import { type ClosedWindowFlags, ContractFlagsRecorder } from './contract-flags.recorder';

const thresholds = { reviewAlpha: 0.01, enforcementAlpha: 0.001, maxInvalidRatio: 0.05 };

/** A window with no rig and no share, after one with replays: raises three causes and clears one. */
function silentWindow(purpose: ContractPurpose): ClosedWindowFlags {
  return {
    rentalId: '1b4e28ba-2fa1-4d2b-9b1e-5f8e7c6d5a40',
    purpose,
    windowIndex: 3,
    facts: {
      contractToDatePValue: 1e-6,
      acceptedShares: 0,
      rejectedByReason: {},
      measuredSeconds: 600,
      rigConnectedSeconds: 0,
    },
    evidence: { measuredSeconds: 600 },
    cause: originatingFrom('test'),
  };
}

function record(purpose: ContractPurpose) {
  const statements: string[] = [];
  const transaction = {
    query: jest.fn(async (sql: string) => {
      statements.push(sql.trim().split(/\s+/)[0] ?? '');
      return sql.includes('SELECT "cause"') ? [{ cause: 'duplicate-shares' }] : [];
    }),
  } as unknown as EntityManager;
  const outbox = { record: jest.fn(async () => 'event-id') };
  const recorder = new ContractFlagsRecorder(outbox as unknown as Outbox, thresholds);
  return { statements, outbox, done: recorder.record(transaction, silentWindow(purpose)) };
}

describe('ContractFlagsRecorder', () => {
  it('publishes a rental’s flags and clearances', async () => {
    const { outbox, done } = record('rental');
    await done;
    const topics = outbox.record.mock.calls.map((call: unknown[]) => (call[1] as { topic: string }).topic);
    expect(topics.sort()).toEqual([
      'delivery.contract-flag-cleared.v1',
      'delivery.contract-flagged.v1',
      'delivery.contract-flagged.v1',
      'delivery.contract-flagged.v1',
    ]);
  });

  it('keeps a capacity check’s flags as evidence but publishes none of them', async () => {
    const { statements, outbox, done } = record('capacity-check');
    await done;
    expect(outbox.record).not.toHaveBeenCalled();
    expect(statements.filter((statement) => statement === 'INSERT')).toHaveLength(3);
    expect(statements.filter((statement) => statement === 'UPDATE')).toHaveLength(1);
  });
});

describe('publishesDeliveryEvents', () => {
  it('is true for rentals only: a capacity check has no renter to tell', () => {
    expect(publishesDeliveryEvents('rental')).toBe(true);
    expect(publishesDeliveryEvents('capacity-check')).toBe(false);
  });
});
