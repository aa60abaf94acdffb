import { type ActingPrincipal, InternalApiProblem } from '@hashproof/runtime';
import type { Actor } from './actor';

/** Every listing route acts for someone: the gateway's authenticated caller. */
export function requireActor(acting: ActingPrincipal | null): Actor {
  if (!acting) throw new InternalApiProblem(400, 'principal-required', 'this route acts for a principal: name one');
  return acting;
}
