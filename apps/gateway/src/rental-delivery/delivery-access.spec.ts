import { mayReadDelivery } from './delivery-access';

describe("who may read a rental's delivery evidence", () => {
  const rental = { renterId: 'renter-1', providerId: 'provider-1' };

  it('lets its renter and its provider read it, and admins any rental', () => {
    expect(mayReadDelivery({ accountId: 'renter-1', role: 'renter' }, rental)).toBe(true);
    expect(mayReadDelivery({ accountId: 'provider-1', role: 'provider' }, rental)).toBe(true);
    expect(mayReadDelivery({ accountId: 'admin-1', role: 'admin' }, rental)).toBe(true);
  });

  it('refuses other renters and providers, and a party acting under the other role', () => {
    expect(mayReadDelivery({ accountId: 'renter-2', role: 'renter' }, rental)).toBe(false);
    expect(mayReadDelivery({ accountId: 'provider-2', role: 'provider' }, rental)).toBe(false);
    expect(mayReadDelivery({ accountId: 'provider-1', role: 'renter' }, rental)).toBe(false);
    expect(mayReadDelivery({ accountId: 'renter-1', role: 'provider' }, rental)).toBe(false);
  });

  it('lets only admins see evidence that arrived before the activation named the parties', () => {
    expect(mayReadDelivery({ accountId: 'admin-1', role: 'admin' }, null)).toBe(true);
    expect(mayReadDelivery({ accountId: 'renter-1', role: 'renter' }, null)).toBe(false);
    expect(mayReadDelivery({ accountId: 'provider-1', role: 'provider' }, null)).toBe(false);
  });
});
