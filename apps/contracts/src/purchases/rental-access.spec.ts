import { randomUUID } from 'node:crypto';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { RentalNotFoundError } from './purchase.errors';
import { assertMayCancel, readerOf } from './rental-access';

const renter: Actor = { id: randomUUID(), role: 'renter' };
const provider: Actor = { id: randomUUID(), role: 'provider' };
const admin: Actor = { id: randomUUID(), role: 'admin' };
const rental = { renterId: renter.id, providerId: provider.id };

describe('who reads and cancels a rental', () => {
  it('is read by its renter, the provider of its listing and admins, each as what they are', () => {
    expect(readerOf(renter, rental)).toBe('renter');
    expect(readerOf(provider, rental)).toBe('provider');
    expect(readerOf(admin, rental)).toBe('admin');
  });

  it('does not exist for another renter or provider, nor for a provider id acting as a renter', () => {
    expect(() => readerOf({ id: randomUUID(), role: 'renter' }, rental)).toThrow(RentalNotFoundError);
    expect(() => readerOf({ id: randomUUID(), role: 'provider' }, rental)).toThrow(RentalNotFoundError);
    expect(() => readerOf({ id: provider.id, role: 'renter' }, rental)).toThrow(RentalNotFoundError);
  });

  it('is cancelled by its renter and admins; its provider is refused, anyone else gets 404', () => {
    expect(() => assertMayCancel(renter, rental)).not.toThrow();
    expect(() => assertMayCancel(admin, rental)).not.toThrow();
    expect(() => assertMayCancel(provider, rental)).toThrow(ActionForbiddenError);
    expect(() => assertMayCancel({ id: randomUUID(), role: 'renter' }, rental)).toThrow(RentalNotFoundError);
  });
});
