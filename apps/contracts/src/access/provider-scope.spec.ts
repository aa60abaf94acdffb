import { randomUUID } from 'node:crypto';
import { ActionForbiddenError, ProviderNotNamedError } from './access.errors';
import type { Actor } from './actor';
import { providerActedFor, providerReadBy } from './provider-scope';

const provider: Actor = { id: randomUUID(), role: 'provider' };
const admin: Actor = { id: randomUUID(), role: 'admin' };
const renter: Actor = { id: randomUUID(), role: 'renter' };
const someProvider = randomUUID();

describe('the provider an actor acts for', () => {
  it('is always the provider itself, which may name itself but no one else', () => {
    expect(providerActedFor(provider, undefined)).toBe(provider.id);
    expect(providerActedFor(provider, provider.id)).toBe(provider.id);
    expect(() => providerActedFor(provider, someProvider)).toThrow(ActionForbiddenError);
    expect(() => providerReadBy(provider, someProvider)).toThrow('providers act only for themselves');
  });

  it('is the provider an admin names; an admin who changes something must name one', () => {
    expect(providerActedFor(admin, someProvider)).toBe(someProvider);
    expect(() => providerActedFor(admin, undefined)).toThrow(ProviderNotNamedError);
  });

  it('is every provider when an admin reads without naming one', () => {
    expect(providerReadBy(admin, undefined)).toBeNull();
    expect(providerReadBy(admin, someProvider)).toBe(someProvider);
  });

  it('is no one for a renter', () => {
    expect(() => providerActedFor(renter, undefined)).toThrow(ActionForbiddenError);
    expect(() => providerReadBy(renter, renter.id)).toThrow('only providers and admins may do this');
  });
});
