import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { RentalNotFoundError } from './purchase.errors';

/** How a caller relates to a rental, which decides what it sees of it. */
export type RentalReader = 'renter' | 'provider' | 'admin';

interface OwnedRental {
  readonly renterId: string;
  readonly providerId: string;
}

/** Its renter, the provider of its listing and admins read a rental; for anyone else it does not exist. */
export function readerOf(actor: Actor, rental: OwnedRental): RentalReader {
  if (actor.role === 'admin') return 'admin';
  if (actor.role === 'renter' && rental.renterId === actor.id) return 'renter';
  if (actor.role === 'provider' && rental.providerId === actor.id) return 'provider';
  throw new RentalNotFoundError();
}

/** Its renter and admins cancel a rental; its provider sees it but may not (403), anyone else gets 404. */
export function assertMayCancel(actor: Actor, rental: OwnedRental): void {
  if (readerOf(actor, rental) === 'provider') {
    throw new ActionForbiddenError('only the renter (or an admin) cancels a rental');
  }
}
