import { IllegalListingTransitionError, ListingNotEditableError } from './listing.errors';
import { actionGoesLive, assertEditable, isEditable, type ListingAction, nextListingStatus } from './listing-lifecycle';
import { type ListingStatus, listingStatuses } from './listing-status';

const legal: readonly [ListingStatus, ListingAction, ListingStatus][] = [
  ['draft', 'publish', 'live'],
  ['live', 'pause', 'paused'],
  ['paused', 'resume', 'live'],
  ['draft', 'retire', 'retired'],
  ['live', 'retire', 'retired'],
  ['paused', 'retire', 'retired'],
];

describe('the listing lifecycle', () => {
  it.each(legal)('lets a %s listing %s, becoming %s', (from, action, to) => {
    expect(nextListingStatus(from, action)).toBe(to);
  });

  it('refuses every other move, naming it', () => {
    const actions: ListingAction[] = ['publish', 'pause', 'resume', 'retire'];
    for (const from of listingStatuses) {
      for (const action of actions) {
        if (legal.some(([f, a]) => f === from && a === action)) continue;
        expect(() => nextListingStatus(from, action)).toThrow(IllegalListingTransitionError);
      }
    }
    expect(() => nextListingStatus('live', 'publish')).toThrow('a live listing cannot publish');
    expect(() => nextListingStatus('draft', 'pause')).toThrow('a draft listing cannot pause');
  });

  it('keeps a retired listing retired: no action leads anywhere from there', () => {
    for (const action of ['publish', 'pause', 'resume', 'retire'] as const) {
      expect(() => nextListingStatus('retired', action)).toThrow(
        `a retired listing cannot ${action}: retired is final`,
      );
    }
  });

  it('puts a listing on sale by publishing or resuming it, so both pass the go-live rule', () => {
    expect(actionGoesLive('publish')).toBe(true);
    expect(actionGoesLive('resume')).toBe(true);
    expect(actionGoesLive('pause')).toBe(false);
    expect(actionGoesLive('retire')).toBe(false);
  });

  it('allows edits while draft or paused only; a live listing is paused first', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('paused')).toBe(true);
    expect(isEditable('live')).toBe(false);
    expect(isEditable('retired')).toBe(false);
    expect(() => assertEditable('live')).toThrow('a live listing cannot be edited: pause it, edit it, then resume it');
    expect(() => assertEditable('retired')).toThrow(ListingNotEditableError);
    expect(() => assertEditable('paused')).not.toThrow();
  });
});
