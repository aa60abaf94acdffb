import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { ListingNotFoundError } from './listing.errors';
import type { ListingStatus } from './listing-status';

interface OwnedListing {
  readonly providerId: string;
  readonly status: ListingStatus;
}

/** Live listings are on sale, so anyone signed in sees them; the rest only their provider and admins. */
export function mayView(actor: Actor, listing: OwnedListing): boolean {
  return listing.status === 'live' || actor.role === 'admin' || listing.providerId === actor.id;
}

/**
 * Only its provider and admins change a listing. Renters manage no listings (403); for another provider the
 * listing does not exist (404), so listing ids are not disclosed.
 */
export function assertMayManage(actor: Actor, listing: OwnedListing): void {
  if (actor.role === 'renter') throw new ActionForbiddenError('only providers and admins manage listings');
  if (actor.role !== 'admin' && listing.providerId !== actor.id) throw new ListingNotFoundError();
}
