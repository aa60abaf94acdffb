import { randomUUID } from 'node:crypto';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { ListingNotFoundError } from './listing.errors';
import { assertMayManage, mayView } from './listing-access';
import type { ListingStatus } from './listing-status';

const owner: Actor = { id: randomUUID(), role: 'provider' };
const otherProvider: Actor = { id: randomUUID(), role: 'provider' };
const renter: Actor = { id: randomUUID(), role: 'renter' };
const admin: Actor = { id: randomUUID(), role: 'admin' };
const listing = (status: ListingStatus) => ({ providerId: owner.id, status });

describe('who sees and manages a listing', () => {
  it('shows a live listing to everyone signed in', () => {
    for (const actor of [owner, otherProvider, renter, admin]) expect(mayView(actor, listing('live'))).toBe(true);
  });

  it('shows drafts, paused and retired listings only to their provider and admins', () => {
    for (const status of ['draft', 'paused', 'retired'] as const) {
      expect(mayView(owner, listing(status))).toBe(true);
      expect(mayView(admin, listing(status))).toBe(true);
      expect(mayView(otherProvider, listing(status))).toBe(false);
      expect(mayView(renter, listing(status))).toBe(false);
    }
  });

  it('lets the provider and admins manage it; another provider finds nothing, a renter is forbidden', () => {
    expect(() => assertMayManage(owner, listing('live'))).not.toThrow();
    expect(() => assertMayManage(admin, listing('draft'))).not.toThrow();
    expect(() => assertMayManage(otherProvider, listing('live'))).toThrow(ListingNotFoundError);
    expect(() => assertMayManage(renter, listing('live'))).toThrow(ActionForbiddenError);
  });
});
