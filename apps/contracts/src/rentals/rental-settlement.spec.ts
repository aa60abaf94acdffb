import { randomUUID } from 'node:crypto';
import { rentalStatuses } from './rental-status';
import { settlementReason, settlementRefusal } from './rental-settlement';

const settlement = {
  rentalId: randomUUID(),
  providerId: randomUUID(),
  renterId: randomUUID(),
  currency: 'USD',
  paidMinor: 1_000_001,
  providerEarningsMinor: 250_000,
  renterRefundMinor: 750_001,
  creditedSeconds: 21_600,
  finalizedAt: new Date().toISOString(),
};
const rental = { priceMinor: '1000001', currency: 'USD' };

describe('settling a rental on payouts’ word', () => {
  it('settles a rental that ended: completed, cancelled or terminated', () => {
    for (const status of ['completed', 'cancelled', 'terminated'] as const) {
      expect(settlementRefusal({ ...rental, status }, settlement)).toBeNull();
    }
  });

  it('refuses one still running, disputed, awaiting payment or already settled', () => {
    const settleable = new Set(['completed', 'cancelled', 'terminated']);
    for (const status of rentalStatuses.filter((status) => !settleable.has(status))) {
      expect(settlementRefusal({ ...rental, status }, settlement)).toBe(`it is ${status}, not ended`);
    }
  });

  it('refuses a settlement of another amount or currency than the rental cost', () => {
    expect(settlementRefusal({ ...rental, status: 'completed', priceMinor: '1000000' }, settlement)).toBe(
      'payouts settled 1000001 USD, but it cost 1000000 USD',
    );
    expect(settlementRefusal({ ...rental, status: 'completed', currency: 'EUR' }, settlement)).toMatch(/cost/);
  });

  it('says in the audit trail what the money came to', () => {
    expect(settlementReason(settlement)).toBe(
      'payouts final: the provider earns 250000 and the renter is refunded 750001 (minor units of USD), ' +
        'for 21600 s of verified delivery credited',
    );
  });
});
