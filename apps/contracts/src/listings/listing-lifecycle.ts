import { IllegalListingTransitionError, ListingNotEditableError } from './listing.errors';
import type { ListingStatus } from './listing-status';

export const listingActions = ['publish', 'pause', 'resume', 'retire'] as const;

export type ListingAction = (typeof listingActions)[number];

/** Every legal move of a listing; retired is final, and anything else is refused. */
const moves: Readonly<Record<ListingAction, { readonly from: readonly ListingStatus[]; readonly to: ListingStatus }>> =
  {
    publish: { from: ['draft'], to: 'live' },
    pause: { from: ['live'], to: 'paused' },
    resume: { from: ['paused'], to: 'live' },
    retire: { from: ['draft', 'live', 'paused'], to: 'retired' },
  };

/** Statuses whose terms the provider may change: a live listing is paused first, so renters never see terms move. */
const editableStatuses: readonly ListingStatus[] = ['draft', 'paused'];

/** Where `action` takes a listing in status `from`; IllegalListingTransitionError when it may not. */
export function nextListingStatus(from: ListingStatus, action: ListingAction): ListingStatus {
  const move = moves[action];
  if (!move.from.includes(from)) throw new IllegalListingTransitionError(from, action);
  return move.to;
}

/** Publishing and resuming put a listing on sale, so both must pass the go-live rule. */
export function actionGoesLive(action: ListingAction): boolean {
  return moves[action].to === 'live';
}

export function isEditable(status: ListingStatus): boolean {
  return editableStatuses.includes(status);
}

export function assertEditable(status: ListingStatus): void {
  if (!isEditable(status)) throw new ListingNotEditableError(status);
}
