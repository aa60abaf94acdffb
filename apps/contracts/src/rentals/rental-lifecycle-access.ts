import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { RentalNotFoundError } from './rental.errors';

interface OwnedRental {
  readonly renterId: string;
  readonly providerId: string;
}

/** Its renter, the provider of its listing and admins see a rental and its audit trail; for anyone else it does not exist. */
export function assertMaySee(actor: Actor, rental: OwnedRental): void {
  const sees =
    actor.role === 'admin' ||
    (actor.role === 'renter' && rental.renterId === actor.id) ||
    (actor.role === 'provider' && rental.providerId === actor.id);
  if (!sees) throw new RentalNotFoundError();
}

/** Its renter and admins dispute a rental; its provider sees it but may not (403), anyone else gets 404. */
export function assertMayDispute(actor: Actor, rental: OwnedRental): void {
  assertMaySee(actor, rental);
  if (actor.role === 'provider') throw new ActionForbiddenError('only the renter (or an admin) disputes a rental');
}

/**
 * Resolving disputes and terminating are admins' alone. Refused by role before the rental is looked
 * at, so the answer (403) says nothing about whether it exists.
 */
export function assertAdmin(actor: Actor, what: string): void {
  if (actor.role !== 'admin') throw new ActionForbiddenError(`only admins ${what}`);
}
