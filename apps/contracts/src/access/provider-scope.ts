import { ActionForbiddenError, ProviderNotNamedError } from './access.errors';
import type { Actor } from './actor';

/**
 * The provider whose resources an actor changes: a provider always itself (naming another is refused), an
 * admin the provider it names. Renters have no provider resources.
 */
export function providerActedFor(actor: Actor, named: string | undefined): string {
  return providerReadBy(actor, named) ?? throwProviderNotNamed();
}

/**
 * The provider whose resources an actor reads: a provider only itself, an admin the one it names or, naming
 * none, every provider (null).
 */
export function providerReadBy(actor: Actor, named: string | undefined): string | null {
  switch (actor.role) {
    case 'provider':
      if (named !== undefined && named !== actor.id)
        throw new ActionForbiddenError('providers act only for themselves');
      return actor.id;
    case 'admin':
      return named ?? null;
    default:
      throw new ActionForbiddenError('only providers and admins may do this');
  }
}

function throwProviderNotNamed(): never {
  throw new ProviderNotNamedError();
}
