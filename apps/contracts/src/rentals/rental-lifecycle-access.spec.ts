import { randomUUID } from 'node:crypto';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { RentalNotFoundError } from './rental.errors';
import { assertAdmin, assertMayDispute, assertMaySee } from './rental-lifecycle-access';

const rental = { renterId: randomUUID(), providerId: randomUUID() };
const renter: Actor = { id: rental.renterId, role: 'renter' };
const provider: Actor = { id: rental.providerId, role: 'provider' };
const admin: Actor = { id: randomUUID(), role: 'admin' };
const otherRenter: Actor = { id: randomUUID(), role: 'renter' };
const otherProvider: Actor = { id: randomUUID(), role: 'provider' };
// Ids are unique across roles, but a provider named like the rental's renter must still not pass as it.
const providerNamedLikeRenter: Actor = { id: rental.renterId, role: 'provider' };

describe('who may do what with a rental', () => {
  it('shows the audit trail to its renter, its provider and admins; to anyone else it does not exist', () => {
    for (const actor of [renter, provider, admin]) expect(() => assertMaySee(actor, rental)).not.toThrow();
    for (const actor of [otherRenter, otherProvider, providerNamedLikeRenter]) {
      expect(() => assertMaySee(actor, rental)).toThrow(RentalNotFoundError);
    }
  });

  it('lets its renter and admins dispute; its provider is refused, strangers get 404', () => {
    expect(() => assertMayDispute(renter, rental)).not.toThrow();
    expect(() => assertMayDispute(admin, rental)).not.toThrow();
    expect(() => assertMayDispute(provider, rental)).toThrow(ActionForbiddenError);
    expect(() => assertMayDispute(otherRenter, rental)).toThrow(RentalNotFoundError);
    expect(() => assertMayDispute(otherProvider, rental)).toThrow(RentalNotFoundError);
  });

  it('leaves resolving, terminating and settling to admins, refusing everyone else by role', () => {
    expect(() => assertAdmin(admin, 'terminate rentals')).not.toThrow();
    for (const actor of [renter, provider, otherRenter]) {
      expect(() => assertAdmin(actor, 'terminate rentals')).toThrow(
        new ActionForbiddenError('only admins terminate rentals'),
      );
    }
  });
});
