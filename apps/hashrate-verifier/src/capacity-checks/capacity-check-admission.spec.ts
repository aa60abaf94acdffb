import type { capacityCheckRequestedV1, EventValue } from '@hashproof/events';
import { admissionRefusal } from './capacity-check-admission';

const check: EventValue<typeof capacityCheckRequestedV1> = {
  checkId: '1b4e28ba-2fa1-4d2b-9b1e-5f8e7c6d5a40',
  providerId: '6f1c1b7e-3f0a-4b8e-9d4b-2a9f5c1e7d30',
  claimedHashrate: '100000000000000',
  startsAt: '2026-11-24T07:00:00.000Z',
  endsAt: '2026-11-24T08:00:00.000Z',
  stratum: {
    credential: 'hp_Q2hvb3NlIGEgZ29vZCBvbmU',
    pool: { url: 'stratum+tcp://127.0.0.1:3334', worker: 'provider.rig1', password: 'x' },
  },
};

describe('admissionRefusal', () => {
  it('admits a check with a positive claim and a run of positive length', () => {
    expect(admissionRefusal(check)).toBeNull();
    expect(admissionRefusal({ ...check, claimedHashrate: '9'.repeat(30) })).toBeNull();
  });

  it('refuses what could never be measured, so it is dead-lettered rather than retried forever', () => {
    expect(admissionRefusal({ ...check, claimedHashrate: '0' })).toContain('claims 0 H/s');
    expect(admissionRefusal({ ...check, claimedHashrate: `1${'0'.repeat(30)}` })).toContain('outside');
    expect(admissionRefusal({ ...check, endsAt: check.startsAt })).toContain('not after its start');
  });
});
